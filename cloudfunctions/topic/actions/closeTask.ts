import { defineAction } from '../../shared/action';
import { getRecordsByIds } from '../../shared/data/liaisonRecords';
import { closeResearchTask, getParticipation } from '../../shared/data/topicParticipation';
import { invalid, invalidState, notFound } from '../../shared/errors';
import { asFound } from '../../shared/rewind';
import { iso } from '../../shared/time';

const MISSING = '调研任务不存在或不是布置给您的';

/**
 * A member closes their research task with what they found, or with one of their own liaison
 * records (the visit that was the research). Open to 'citizen' at the router: the task names the
 * member by openid. The task, the record when one is named, the conditional close and the audit
 * entry: at most 4 round trips.
 */
export default defineAction({
  name: 'topic.closeTask',
  roles: ['citizen'],
  mutates: true,
  // The close is guarded by the task still open: a retry finds it done and gets the first answer.
  retrySafe: true,
  async handler({ id, note, liaisonRecordId }, ctx) {
    const stored = await getParticipation(id);
    // A retry of the close that died past it sees the task open, as that call did (rewind.ts).
    const { found: task, changed } = asFound(stored);
    if (!task || task.kind !== 'research' || !task.openid || task.openid !== ctx.openid) throw notFound(MISSING);
    if (task.status === 'done') throw invalidState('该调研任务已完成');
    if (liaisonRecordId) {
      const [record] = await getRecordsByIds([liaisonRecordId]);
      if (!record || record.memberId !== task.userId) {
        throw invalid({ liaisonRecordId: '只能选择您本人的联系记录' });
      }
    }
    // Done when that call closed it, not when its retry came.
    const doneAt = changed && stored?.kind === 'research' ? (stored.doneAt ?? ctx.now) : ctx.now;
    const patch = { note: note ?? '', liaisonRecordId: liaisonRecordId ?? null, doneAt };
    if (!(await closeResearchTask(task, ctx.openid, patch))) throw invalidState('该调研任务已完成');
    ctx.audit(`topic_participation/${id}`, { status: 'open' }, { status: 'done', ...patch }, task.unitPath);
    return { status: 'done' as const, doneAt: iso(doneAt) };
  },
});
