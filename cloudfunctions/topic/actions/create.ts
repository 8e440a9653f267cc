import { TOPIC_SOURCE_LABELS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { insertTopic } from '../../shared/data/topics';
import { checkStations, responsibleUsers } from '../domain/places';
import { newTopic, person, staffUnit } from '../domain/topic';
import { checkTopicText } from '../domain/content';

/** 新增议题 (党政点题, 两委找题, 公开征题, 网络筛题 …): staff raise one in their own unit. */
export default defineAction({
  name: 'topic.create',
  roles: ['staff', 'admin'],
  mutates: true,
  // The insert's id comes from ctx.newId(): a retry fails on it and gets the first answer.
  retrySafe: true,
  async handler({ source, responsibleIds, ...fields }, ctx) {
    await checkTopicText(ctx.openid, { title: fields.title, background: fields.background });
    const by = await ctx.user();
    const unit = staffUnit(by);
    await checkStations(fields.workstationIds, unit.unitId);
    const others = await responsibleUsers(
      responsibleIds.filter((id) => id !== by._id),
      unit.unitId,
    );
    const doc = newTopic(
      ctx.newId('topic'),
      fields,
      { source, unit, responsible: [person(by), ...others.map(person)] },
      by,
      ctx.now,
      `${TOPIC_SOURCE_LABELS[source]}：${by.name}提出议题`,
    );
    await insertTopic(doc);
    ctx.audit(`topics/${doc._id}`, null, { source, title: doc.title, step: doc.step });
    return { _id: doc._id };
  },
});
