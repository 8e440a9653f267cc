import dayjs from 'dayjs';
import { defineAction } from '../../shared/action';
import { invalid, invalidState } from '../../shared/errors';
import { moveProposal, resumedOn } from '../domain/change';
import { actor, staffProposal } from '../domain/load';

/** Staff grant or refuse a handling unit's request for more time; a grant moves its deadline. */
export default defineAction({
  name: 'proposal.decideExtension',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffProposal,
  async handler({ id, handlingUnitId, grant }, ctx, { doc }) {
    const i = doc.assignments.findIndex((a) => a.handlingUnitId === handlingUnitId);
    if (i < 0) throw invalid({ handlingUnitId: '该单位没有承办这件提案' });
    const a = doc.assignments[i];
    // A retry of a decision already made answers the deadline it set.
    if (resumedOn(doc)) return { dueOn: a.dueOn };
    if (a.extension?.status !== 'asked') throw invalidState('该单位没有待审批的延期申请');
    const dueOn = grant ? dayjs(a.dueOn).add(a.extension.days, 'day').format('YYYY-MM-DD') : a.dueOn;
    const latest = doc.assignments
      .map((x, j) => (j === i ? dueOn : x.dueOn))
      .sort()
      .at(-1)!;
    await moveProposal({
      proposal: doc,
      action: null,
      by: await actor(ctx),
      now: ctx.now,
      event: grant ? `同意${a.name}延期至 ${dueOn}` : `不同意${a.name}延期`,
      internal: true,
      set: {
        [`assignments.${i}.extension.status`]: grant ? 'granted' : 'refused',
        [`assignments.${i}.dueOn`]: dueOn,
        dueOn: latest,
      },
      where: { [`assignments.${i}.extension.status`]: 'asked' },
    });
    ctx.audit(`proposals/${id}`, { dueOn: a.dueOn }, { dueOn, grant });
    return { dueOn };
  },
});
