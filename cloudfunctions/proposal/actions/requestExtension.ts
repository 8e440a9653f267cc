import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { moveProposal, resumedOn } from '../domain/change';
import { handlerCase } from '../domain/handler';

/** A unit asks for more time, with the reason; staff decide (decideExtension). Once per assignment. */
export default defineAction({
  name: 'proposal.requestExtension',
  roles: ['handler'],
  mutates: true,
  retrySafe: true,
  async handler({ id, days, reason }, ctx) {
    const { proposal, mine, at, by } = await handlerCase(ctx, id);
    const again = resumedOn(proposal);
    if (!again && (mine.status === 'answered' || mine.status === 'returned'))
      throw invalidState('该提案已答复或退回，无需延期');
    if (!again && mine.extension) throw invalidState('每件提案只能申请一次延期');
    await moveProposal({
      proposal,
      action: null,
      by,
      now: ctx.now,
      event: `${mine.name}申请延期 ${days} 天`,
      note: reason,
      internal: true,
      set: { [`assignments.${at}.extension`]: { days, reason, status: 'asked', at: ctx.now } },
      where: { [`assignments.${at}.extension`]: null },
      otherwise: '每件提案只能申请一次延期',
    });
    ctx.audit(`proposals/${id}`, null, { extension: { days, reason } });
    return { status: 'asked' as const };
  },
});
