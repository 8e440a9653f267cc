import { defineAction } from '../../shared/action';
import { getRecordsByIds } from '../../shared/data/liaisonRecords';
import { insertTopic } from '../../shared/data/topics';
import { invalid } from '../../shared/errors';
import { newTopic, person } from '../domain/topic';
import { checkTopicText } from '../domain/content';

/**
 * 委员荐题: a member proposes a topic from their own liaison records, in their own unit, where
 * staff screen it at 议题确定. 4 round trips: the member, their records, the insert, the audit.
 */
export default defineAction({
  name: 'topic.propose',
  roles: ['member'],
  mutates: true,
  retrySafe: true,
  async handler({ liaisonRecordIds, ...fields }, ctx) {
    await checkTopicText(ctx.openid, { title: fields.title, background: fields.background });
    const by = await ctx.user();
    const records = await getRecordsByIds(liaisonRecordIds);
    const own = new Set(records.filter((r) => r.memberId === by._id).map((r) => r._id));
    const bad = liaisonRecordIds.findIndex((id) => !own.has(id));
    if (bad >= 0) throw invalid({ [`liaisonRecordIds.${bad}`]: '只能从您本人的联系记录推荐议题' });
    // Stations are chosen by staff when they take it up: a member names none.
    const doc = newTopic(
      ctx.newId('topic'),
      { ...fields, workstationIds: [] },
      {
        source: 'member',
        unit: { unitId: by.unitId, unitPath: by.unitPath },
        responsible: [person(by)],
        liaisonRecordIds: [...own],
      },
      by,
      ctx.now,
      `委员荐题：${by.name}根据 ${own.size} 条联系记录推荐`,
    );
    await insertTopic(doc);
    ctx.audit(`topics/${doc._id}`, null, { source: 'member', title: doc.title, step: doc.step });
    return { _id: doc._id };
  },
});
