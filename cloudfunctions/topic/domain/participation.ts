/** How a member's meeting invitation and research task read, to staff and to the member. */
import {
  MEETING_SIGN_IN_OPENS_MINUTES,
  type MeetingParticipation,
  type ResearchParticipation,
  type ResearchTaskRow,
} from '@lxq/types';
import { iso } from '../../shared/time';

/** Pending until sign-in closes; absent after it (the workstation rules). */
export const outcomeOf = (r: MeetingParticipation, now: Date) =>
  r.outcome === 'pending' && now > r.closesAt ? ('absent' as const) : r.outcome;

export const signInOpen = (r: Pick<MeetingParticipation, 'at' | 'closesAt'>, now: Date) =>
  now.getTime() >= r.at.getTime() - MEETING_SIGN_IN_OPENS_MINUTES * 60_000 && now <= r.closesAt;

export const taskRow = (t: ResearchParticipation): ResearchTaskRow => ({
  _id: t._id,
  userId: t.userId,
  name: t.name,
  task: t.task,
  dueOn: t.dueOn,
  status: t.status,
  note: t.note,
  liaisonRecordId: t.liaisonRecordId ?? '',
  doneAt: iso(t.doneAt),
});
