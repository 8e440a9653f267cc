import { _ } from '../../shared/cloud';
import { defineAction } from '../../shared/action';
import { staffOfUnits } from '../../shared/data/users';
import { invalidState } from '../../shared/errors';
import { assignmentsAsLoaded, handlerCase } from '../domain/handler';
import { moveProposal, resumedOn } from '../domain/change';
import { tellHandlers } from '../domain/tell';

/**
 * 退回: a unit sends back a proposal that is not its business, with the reason. When the 主办
 * unit returns it, the proposal goes back to staff to be handed out again; a 协办 unit simply
 * drops out. Staff are told.
 */
export default defineAction({
  name: 'proposal.return',
  roles: ['handler'],
  mutates: true,
  async handler({ id, reason }, ctx) {
    const { proposal, mine, at, by, handlingUnitId } = await handlerCase(ctx, id);
    const done = mine.status === 'answered' || mine.status === 'returned' || proposal.status === 'rehandling';
    if (done && !resumedOn(proposal)) {
      throw invalidState('已答复的提案不能退回');
    }
    const lead = mine.role === 'lead';
    const status = await moveProposal({
      proposal,
      action: lead ? 'unassign' : null,
      by,
      now: ctx.now,
      event: `${mine.name}退回`,
      note: reason,
      set: {
        [`assignments.${at}.status`]: 'returned',
        [`assignments.${at}.returnReason`]: reason,
        handlingUnitIds: lead ? [] : _.pull(handlingUnitId),
      },
      where: assignmentsAsLoaded(proposal),
    });
    const staff = await staffOfUnits([proposal.unitId]);
    await tellHandlers(
      staff.map((u) => u.openid!).filter(Boolean),
      proposal,
      ctx.newId('tell'),
      '提案被退回',
      `${mine.name}退回了「${proposal.title}」：${reason}`,
      ctx.now,
    );
    ctx.audit(`proposals/${id}`, { assignment: mine.status }, { assignment: 'returned', reason, status });
    return { status };
  },
});
