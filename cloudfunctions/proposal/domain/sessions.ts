import type { ProposalSession, SessionView } from '@lxq/types';
import { inChina } from '../../shared/time';

export const chinaToday = (now: Date) => inChina(now).format('YYYY-MM-DD');

/** Whether the session takes submissions on this China day (both ends included). */
export const isOpen = (s: ProposalSession, now: Date) => {
  const today = chinaToday(now);
  return s.opensOn <= today && today <= s.closesOn;
};

export function sessionView(s: ProposalSession, now: Date): SessionView {
  return {
    _id: s._id,
    unitId: s.unitId,
    unitPath: s.unitPath,
    name: s.name,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    createdBy: s.createdBy,
    open: isOpen(s, now),
  };
}
