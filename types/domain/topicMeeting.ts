/**
 * 制定方案 / 协商议事 / 议前调研 (issue 14): the consultation meeting of a topic, arranged through a
 * meeting notice (replies as every notice's), attended by scanning the meeting's rotating code
 * (the workstation sign-in rules: on time, late, absent), and the research tasks given to named
 * members before it. Each member's part is one `topic_participation` row, so their meetings and
 * tasks are counted by one query (成绩单, 履职考核).
 */

/** Sign-in opens this long before the meeting starts (as a duty shift's). */
export const MEETING_SIGN_IN_OPENS_MINUTES = 30;
/** Sign-in closes this long after the start; whoever has not signed in by then was absent. */
export const MEETING_SIGN_IN_HOURS = 3;
/** The meeting screen's code changes this often; the current and the previous one are accepted. */
export const MEETING_CODE_SECONDS = 30;

/** Someone invited who is not a member (a resident, an official): named, reached by phone. */
export interface TopicGuest {
  name: string;
  phone: string;
}

/** The topic's meeting (server side: `codeSecret` never leaves the function). */
export interface TopicMeeting {
  noticeId: string;
  title: string;
  at: Date;
  place: string;
  replyBy: Date;
  /** Sign-in closes then; the members invited who did not sign in are absent. */
  closesAt: Date;
  guests: TopicGuest[];
  /** Members invited (the notice's recipients when it was arranged). */
  invited: number;
  /** Random per meeting: its rotating codes are an HMAC of it, so no deploy secret is needed. */
  codeSecret: string;
  arrangedByName: string;
  arrangedAt: Date;
}

export type MeetingOutcome = 'pending' | 'on_time' | 'late';
export const MEETING_OUTCOME_LABELS: Record<MeetingOutcome | 'absent', string> = {
  pending: '未签到',
  on_time: '按时签到',
  late: '迟到',
  absent: '缺席',
};

interface ParticipationBase {
  _id: string;
  topicId: string;
  topicTitle: string;
  unitPath: string[];
  userId: string;
  openid: string | null;
  name: string;
  /** What the period of a figure looks at: the meeting's start, or when the task was done (null while open). */
  countedAt: Date | null;
  createdAt: Date;
}

/** A member invited to a topic's meeting; `_id` = `meeting:${topicId}:${userId}`. */
export interface MeetingParticipation extends ParticipationBase {
  kind: 'meeting';
  at: Date;
  place: string;
  closesAt: Date;
  outcome: MeetingOutcome;
  signedInAt: Date | null;
}

/** 议前调研: a research task for a named member, closed with notes or one of their liaison records. */
export interface ResearchParticipation extends ParticipationBase {
  kind: 'research';
  task: string;
  /** China date, YYYY-MM-DD. */
  dueOn: string;
  status: 'open' | 'done';
  note: string;
  liaisonRecordId: string | null;
  doneAt: Date | null;
  assignedByName: string;
  /** The China day the daily timer last reminded the member of it overdue (at most once a day). */
  remindedOn?: string;
}

export type TopicParticipation = MeetingParticipation | ResearchParticipation;
