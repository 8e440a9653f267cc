/**
 * 督办: every morning the people of each handling unit with an overdue proposal, and the staff of
 * the proposal's committee body, are reminded. Safe to run twice a day: an assignment remembers the
 * day it was last reminded, and each inbox item's id is the day and the recipient.
 */
import { changeProposal, overdueProposals } from '../shared/data/proposals';
import { handlersOf, staffOfUnits } from '../shared/data/users';
import { inChina } from '../shared/time';
import { tellHandlers } from './domain/tell';

export async function dailySupervision(now: Date) {
  const today = inChina(now).format('YYYY-MM-DD');
  const late = await overdueProposals(today, 200);
  let reminded = 0;
  for (const p of late) {
    const due = p.assignments
      .map((a, i) => ({ a, i }))
      .filter(
        ({ a }) => (a.status === 'pending' || a.status === 'acknowledged') && a.dueOn < today && a.remindedOn !== today,
      );
    if (!due.length) continue;
    const [handlers, staff] = await Promise.all([
      handlersOf(due.map(({ a }) => a.handlingUnitId)),
      staffOfUnits([p.unitId]),
    ]);
    const names = due.map(({ a }) => a.name).join('、');
    const key = `supervise-${today}`;
    await tellHandlers(
      handlers.map((u) => u.openid!).filter(Boolean),
      p,
      key,
      '提案办理已超期',
      `「${p.title}」办理期限已过，请尽快答复（督办）。`,
      now,
    );
    await tellHandlers(
      staff.map((u) => u.openid!).filter(Boolean),
      p,
      `${key}-staff`,
      '提案办理超期督办',
      `「${p.title}」${names}办理超期。`,
      now,
    );
    await changeProposal(
      p._id,
      p.status,
      Object.fromEntries(due.map(({ i }) => [`assignments.${i}.remindedOn`, today])),
    );
    reminded += due.length;
  }
  return { proposals: late.length, reminded };
}
