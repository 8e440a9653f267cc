import type { LastChange } from './change';
/** Workstation duty: shifts, sign-in and -out, leave and swaps, receptions (PRODUCT.md §4). */

/**
 * A member's outcome on a shift, derived by the server, never typed by a person: `pending` until
 * they sign in (then `on_time` or `late`), `absent` when the timer finds the shift ended without a
 * sign-in, `leave` when staff approved their leave.
 */
export const DUTY_OUTCOMES = ['pending', 'on_time', 'late', 'absent', 'leave'] as const;
export type DutyOutcome = (typeof DUTY_OUTCOMES)[number];
export const DUTY_OUTCOME_LABELS: Record<DutyOutcome, string> = {
  pending: '未签到',
  on_time: '已签到',
  late: '迟到',
  absent: '缺勤',
  leave: '请假',
};

export const SIGN_METHODS = ['location', 'code'] as const;
export type SignMethod = (typeof SIGN_METHODS)[number];

/** Sign-in opens this many minutes before a shift starts and closes at its end. */
export const SIGN_IN_OPENS_MINUTES = 30;
/** Sign-out is accepted until this many minutes after the end. */
export const SIGN_OUT_GRACE_MINUTES = 60;
/** The station tablet's code changes every 30 seconds; the current and previous one are accepted. */
export const STATION_CODE_SECONDS = 30;

/** One member on one shift, with what happened. */
export interface ShiftMember {
  userId: string;
  /** Copied when rostered so a sign-in needs no user lookup; null if not yet bound. */
  openid: string | null;
  name: string;
  sectorName: string;
  avatar: string | null;
  outcome: DutyOutcome;
  signedInAt: Date | null;
  signedOutAt: Date | null;
  method: SignMethod | null;
  /** Metres from the station at sign-in, when signed in by location. */
  distance: number | null;
  earlyLeave: boolean;
  /** The request that signed in (server only): its retry after a crash answers as the first call. */
  signedInBy?: string | null;
  signedOutBy?: string | null;
  /** When a sign-in of this member was refused (server only, the last few): the attempt limit across instances. */
  failedSignIns?: Date[];
}

export type ShiftStatus = 'scheduled' | 'cancelled';

export interface Shift {
  _id: string;
  workstationId: string;
  workstationName: string;
  unitId: string;
  unitPath: string[];
  /** Copied from the workstation so a sign-in is one read. */
  location: { lat: number; lng: number };
  radius: number;
  /** China date, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
  members: ShiftMember[];
  /** Ids of `members`, for "my shifts" and conflict queries (multikey index). */
  memberIds: string[];
  status: ShiftStatus;
  /** Members signed in: a counter kept exact by conditional updates. */
  signedInCount: number;
  /** Set by the timer once the shift is over and every outcome is final. */
  settled: boolean;
  cancelReason?: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** The last guarded change: the request that made it and the fields it replaced (server only). */
  lastChange?: LastChange | null;
}

export const LEAVE_KINDS = ['leave', 'swap'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];
export const LEAVE_STATUSES = ['awaiting_partner', 'pending', 'approved', 'refused', 'declined'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];
export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = {
  awaiting_partner: '待对方确认',
  pending: '待审批',
  approved: '已批准',
  refused: '未批准',
  declined: '对方已拒绝',
};

/** A request to be excused from a shift, or to hand it to another member (swap). */
export interface LeaveRequest {
  _id: string;
  kind: LeaveKind;
  shiftId: string;
  workstationId: string;
  workstationName: string;
  unitPath: string[];
  shiftStart: Date;
  shiftEnd: Date;
  requesterId: string;
  requesterName: string;
  requesterOpenid: string | null;
  partnerId: string | null;
  partnerName: string | null;
  partnerOpenid: string | null;
  reason: string;
  status: LeaveStatus;
  decidedBy: string | null;
  decisionNote: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The last guarded change: the request that made it and the fields it replaced (server only). */
  lastChange?: LastChange | null;
}

/** People received by a member during a shift (接待). */
export interface Reception {
  _id: string;
  shiftId: string;
  workstationId: string;
  workstationName: string;
  unitId: string;
  unitPath: string[];
  memberId: string;
  memberName: string;
  /** China date of the shift. */
  date: string;
  people: number;
  topic: string;
  /** Only with the person's consent. */
  visitorName: string | null;
  visitorPhone: string | null;
  consent: boolean;
  concernId: string | null;
  createdAt: Date;
  /** When the retention job removed the visitor's name and phone. */
  deidentifiedAt?: Date | null;
  /** The request that erased the visitor's data (concern.subjectErase). */
  erasedBy?: string;
}
