import type { Concern } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { changeConcern } from '../../shared/concerns/change';
import { allowed } from '../../shared/concerns/stateMachine';
import { getConcernsByIds } from '../../shared/data/concerns';
import { insertTopic } from '../../shared/data/topics';
import { invalid } from '../../shared/errors';
import { checkStations } from '../domain/places';
import { newTopic, person, staffUnit } from '../domain/topic';
import { checkTopicText } from '../domain/content';

/**
 * 群众出题: staff raise a topic from concerns in their queue. Every concern must be theirs to
 * handle and in hand (受理 or later); each gets the topic as a link, and its submitter hears of it
 * (有新进展 and a subscribe message). The topic keeps the concerns, to tell them its results.
 */
export default defineAction({
  name: 'topic.raiseFromConcerns',
  roles: ['staff', 'admin'],
  mutates: true,
  async handler({ concernIds, ...fields }, ctx) {
    await checkTopicText(ctx.openid, { title: fields.title, background: fields.background });
    const by = await ctx.user();
    const unit = staffUnit(by);
    const ids = [...new Set(concernIds)];
    const found = await getConcernsByIds(ids);
    const fieldErrors: Record<string, string> = {};
    ids.forEach((cid, i) => {
      const c = found.get(cid);
      if (!c || !c.unitPath.includes(unit.unitId)) fieldErrors[`concernIds.${i}`] = '所选诉求不存在或不在本单位';
      else if (!allowed(c.status, 'link'))
        fieldErrors[`concernIds.${i}`] = `诉求「${c.title}」尚未受理或已结束，不能发起协商议题`;
    });
    if (Object.keys(fieldErrors).length) throw invalid(fieldErrors);
    const concerns = ids.map((cid) => found.get(cid)!);
    const stations = [
      ...fields.workstationIds,
      ...concerns.map((c) => c.workstationId).filter((w): w is string => !!w),
    ];
    await checkStations(fields.workstationIds, unit.unitId);
    const doc = newTopic(
      ctx.newId('topic'),
      { ...fields, workstationIds: stations },
      {
        source: 'citizens',
        unit,
        responsible: [person(by)],
        concerns: concerns.map((c) => ({
          concernId: c._id,
          title: c.title,
          workstationName: c.workstationName,
          submitterOpenid: c.submitterOpenid,
        })),
      },
      by,
      ctx.now,
      `群众出题：由 ${concerns.length} 条群众诉求发起`,
    );
    await insertTopic(doc);
    for (const c of concerns) await linkConcern(c, doc._id, doc.title, by.name, ctx.openid, ctx.now);
    ctx.audit(`topics/${doc._id}`, null, { source: 'citizens', title: doc.title, concernIds: ids });
    return { _id: doc._id, linked: concerns.length };
  },
});

async function linkConcern(c: Concern, topicId: string, title: string, byName: string, openid: string, now: Date) {
  if ((c.links ?? []).some((l) => l.kind === 'topic' && l.refId === topicId)) return;
  const note = `已纳入协商议题「${title}」`;
  await changeConcern({
    concern: c,
    action: 'link',
    by: { openid, name: byName },
    now,
    note,
    push: { links: [{ kind: 'topic', refId: topicId, title, at: now }] },
    tell: { note: '您反映的问题已纳入协商议题' },
  });
}
