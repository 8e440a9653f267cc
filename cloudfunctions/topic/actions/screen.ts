import { defineAction } from '../../shared/action';
import { getScreeningLists } from '../../shared/data/topics';
import { invalid } from '../../shared/errors';
import { changeTopic, mustAllow } from '../domain/change';
import { actor, staffTopic } from '../domain/load';

/**
 * Screens the topic against its unit's may / may-not lists (only items of those lists may be
 * ticked). A may-not tick is stored and blocks 确定议题 until the topic is screened again.
 */
export default defineAction({
  name: 'topic.screen',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, may, mayNot }, ctx, { doc }) {
    mustAllow(doc, 'screen');
    const lists = await getScreeningLists(doc.unitId);
    const fields: Record<string, string> = {};
    may.forEach((m, i) => {
      if (!lists.may.includes(m)) fields[`may.${i}`] = `「${m}」不在本单位的可协商事项中`;
    });
    mayNot.forEach((m, i) => {
      if (!lists.mayNot.includes(m)) fields[`mayNot.${i}`] = `「${m}」不在本单位的不可协商事项中`;
    });
    if (Object.keys(fields).length) throw invalid(fields);
    const by = await actor(ctx);
    const screening = { may: [...new Set(may)], mayNot: [...new Set(mayNot)], at: ctx.now, byName: by.name };
    await changeTopic({ topic: doc, action: 'screen', set: { screening }, now: ctx.now });
    ctx.audit(`topics/${id}`, { screening: doc.screening }, { screening });
    return { blocked: screening.mayNot.length > 0 };
  },
});
