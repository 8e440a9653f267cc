/** How a member's meeting invitation and research task read, to staff and to the member. */
import {
  MEETING_SIGN_IN_OPENS_MINUTES,
  type MeetingParticipation,
  type ResearchParticipation,
  type ResearchTaskRow,
} from '@lxq/types';
import { inChina, iso } from '../../shared/time';

/** Pending until sign-in closes; absent after it (the workstation rules). */
export const outcomeOf = (r: MeetingParticipation, now: Date) =>
  r.outcome === 'pending' && now > r.closesAt ? ('absent' as const) : r.outcome;

export const signInOpen = (r: Pick<MeetingParticipation, 'at' | 'closesAt'>, now: Date) =>
  now.getTime() >= r.at.getTime() - MEETING_SIGN_IN_OPENS_MINUTES * 60_000 && now <= r.closesAt;

/** Open after its due day (a China date): the member is late with it. */
export const taskOverdue = (t: Pick<ResearchParticipation, 'status' | 'dueOn'>, now: Date) =>
  t.status === 'open' && t.dueOn < inChina(now).format('YYYY-MM-DD');

export const taskRow = (t: ResearchParticipation, now: Date): ResearchTaskRow => ({
  _id: t._id,
  userId: t.userId,
  name: t.name,
  task: t.task,
  dueOn: t.dueOn,
  status: t.status,
  overdue: taskOverdue(t, now),
  note: t.note,
  liaisonRecordId: t.liaisonRecordId ?? '',
  doneAt: iso(t.doneAt),
});
