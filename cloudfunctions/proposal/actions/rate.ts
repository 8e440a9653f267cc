import { RATING_LABELS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { addDays } from '../../shared/time';
import { moveProposal } from '../domain/change';
import { ownProposal } from '../domain/load';
import { chinaToday } from '../domain/sessions';
import { inChina } from '../../shared/time';

/** Days a unit has to handle a proposal again after the proposer was not satisfied. */
export const REHANDLING_DAYS = 30;

/**
 * The proposer rates the answer. 不满意 the first time sends it back to the 主办 unit to handle
 * again (once); any other rating, or a second 不满意, closes it. 3 round trips.
 */
export default defineAction({
  name: 'proposal.rate',
  // Open at the door: the target admits the proposer (by openid, so no user is loaded) and no one else.
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownProposal,
  async handler({ id, rating, comment }, ctx, { doc }) {
    const again = rating === 'unsatisfied' && !doc.rehandled;
    const lead = doc.assignments.findIndex((a) => a.role === 'lead' && a.status === 'answered');
    const dueOn = inChina(addDays(ctx.now, REHANDLING_DAYS)).format('YYYY-MM-DD');
    const status = await moveProposal({
      proposal: doc,
      action: again ? 'rateBad' : 'rate',
      by: { openid: ctx.openid, name: doc.proposerName },
      now: ctx.now,
      event: `评价：${RATING_LABELS[rating]}${again ? '，退回重新办理' : ''}`,
      note: comment,
      set: {
        ratings: [...doc.ratings, { rating, comment: comment ?? '', at: ctx.now }],
        ...(again && lead >= 0
          ? {
              rehandled: true,
              dueOn,
              [`assignments.${lead}.status`]: 'acknowledged',
              [`assignments.${lead}.dueOn`]: dueOn,
              [`assignments.${lead}.remindedOn`]: null,
            }
          : {}),
      },
    });
    ctx.audit(`proposals/${id}`, { status: doc.status }, { status, rating, today: chinaToday(ctx.now) });
    return { status };
  },
});
