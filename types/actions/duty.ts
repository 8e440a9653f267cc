import { z } from '../zod';
import type { Page } from '../contract';
import type { DutyOutcome, LeaveKind, LeaveStatus, ShiftStatus, SignMethod } from '../domain/duty';
import { LIMITS } from '../limits';
import { concernsOnBehalf, geoPoint, id, optionalText, pageInput, phone, searchWords, sortBy, text } from './fields';

const date = (label: string) =>
  z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2025-01-31`);
const clock = (label: string) =>
  z.string({ error: `请选择${label}` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 09:00`);
const memberIds = z
  .array(id('值班委员'), { error: '请选择值班委员' })
  .min(1, '请至少选择 1 名值班委员')
  .max(10, '一个班次最多 10 名委员');

/** A shift as the client sees it (times as ISO text). */
export interface ShiftView {
  _id: string;
  workstationId: string;
  workstationName: string;
  date: string;
  start: string;
  end: string;
  status: ShiftStatus;
  members: {
    userId: string;
    name: string;
    sectorName: string;
    avatar: string | null;
    outcome: DutyOutcome;
    signedInAt: string;
    signedOutAt: string;
    earlyLeave: boolean;
  }[];
  signedInCount: number;
}

/** A shift from one member's point of view. */
export interface MyShift extends ShiftView {
  mine: ShiftView['members'][number] & { method: SignMethod | null; distance: number | null };
  /** Their open leave/swap request on this shift, if any. */
  request: { _id: string; kind: LeaveKind; status: LeaveStatus } | null;
}

export const dutyCreateShift = {
  input: z.object({
    workstationId: id('工作站'),
    date: date('日期'),
    startTime: clock('开始时间'),
    endTime: clock('结束时间'),
    memberIds,
  }),
  result: {} as { _id: string },
};

export const dutyPlanRotation = {
  input: z.object({
    workstationId: id('工作站'),
    from: date('开始日期'),
    to: date('结束日期'),
    slots: z
      .array(
        z.object({
          weekday: z.number({ error: '请选择星期' }).int('星期无效').min(1, '星期无效').max(7, '星期无效'),
          startTime: clock('开始时间'),
          endTime: clock('结束时间'),
          memberIds,
        }),
        { error: '请添加轮值安排' },
      )
      .min(1, '请至少添加 1 个轮值班次')
      .max(21, '轮值班次最多 21 个'),
  }),
  result: {} as { created: number; skippedHolidays: string[]; makeUpDays: string[] },
};

export const dutyUpdateShift = {
  input: z.object({
    shiftId: id('班次'),
    startTime: clock('开始时间'),
    endTime: clock('结束时间'),
    memberIds,
  }),
  result: {} as { _id: string; notified: number },
};

export const dutyCancelShift = {
  input: z.object({ shiftId: id('班次'), reason: text('取消原因', 2, 100) }),
  result: {} as { _id: string; notified: number },
};

export const dutyListShifts = {
  input: z.object({ ...pageInput, workstationId: id('工作站'), from: date('开始日期'), to: date('结束日期') }),
  result: {} as Page<ShiftView>,
};

/** A station's roster over a span (at most 92 days) as a workbook: a row per member per shift. */
/** A roster sheet covers at most a quarter; a longer span is several files. */
export const MAX_ROSTER_EXPORT_DAYS = 92;

/**
 * One station's shifts over a span (the roster page's week): what its roster, attendance and
 * receptions export through the export job.
 */
export const dutyStationSpan = z
  .object({ workstationId: id('工作站'), from: date('开始日期'), to: date('结束日期') })
  .refine((v) => v.to >= v.from, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((v) => !(Date.parse(v.to) - Date.parse(v.from) >= MAX_ROSTER_EXPORT_DAYS * 86_400_000), {
    message: `一次最多导出 ${MAX_ROSTER_EXPORT_DAYS} 天的排班`,
    path: ['to'],
  });

export const dutyStationMembers = {
  input: z.object({ workstationId: id('工作站') }),
  result: {} as { items: { _id: string; name: string; sectorName: string }[] },
};

export const dutyMyShifts = {
  input: z.object({
    ...pageInput,
    when: z.enum(['upcoming', 'past'], { error: '请选择查看范围' }).default('upcoming'),
  }),
  result: {} as Page<MyShift>,
};

const signInput = z
  .object({
    shiftId: id('班次'),
    location: geoPoint.optional(),
    /** From the station tablet: the QR text `lxq-duty:<stationId>:<code>` or the 6 digits. */
    code: z
      .string({ error: '签到码无效' })
      .trim()
      .max(80, '签到码无效')
      .regex(/^(lxq-duty:[\w-]+:)?\d{6}$/, '签到码应为 6 位数字')
      .optional(),
  })
  .refine((v) => v.location || v.code, { message: '请定位或扫描工作站签到码', path: ['location'] });

export interface SignAnswer {
  shiftId: string;
  outcome: DutyOutcome;
  signedInAt: string;
  signedOutAt: string;
  method: SignMethod | null;
  distance: number | null;
  earlyLeave: boolean;
  /** True when this call found the member already signed in (or out) and changed nothing. */
  already: boolean;
}

export const dutySignIn = { input: signInput, result: {} as SignAnswer };
export const dutySignOut = { input: signInput, result: {} as SignAnswer };

export const dutyRequestLeave = {
  input: z
    .object({
      shiftId: id('班次'),
      kind: z.enum(['leave', 'swap'], { error: '请选择请假或调班' }),
      partnerId: id('调班委员').optional(),
      reason: text('原因', LIMITS.leaveReason),
    })
    .refine((v) => v.kind === 'leave' || !!v.partnerId, { message: '请选择接班的委员', path: ['partnerId'] }),
  result: {} as { _id: string; status: LeaveStatus },
};

export const dutyAnswerSwap = {
  input: z.object({ id: id('调班申请'), accept: z.boolean({ error: '请选择同意或拒绝' }) }),
  result: {} as { _id: string; status: LeaveStatus },
};

export const dutyDecideLeave = {
  input: z.object({
    id: id('申请'),
    approve: z.boolean({ error: '请选择批准或不批准' }),
    note: optionalText('审批意见', 100),
  }),
  result: {} as { _id: string; status: LeaveStatus },
};

export interface LeaveView {
  _id: string;
  kind: LeaveKind;
  status: LeaveStatus;
  shiftId: string;
  workstationName: string;
  shiftStart: string;
  shiftEnd: string;
  requesterName: string;
  partnerName: string | null;
  reason: string;
  decisionNote: string | null;
  createdAt: string;
  /** For the member: whether they are the one asked to take the shift. */
  askedOfMe?: boolean;
}

export const dutyListLeaves = {
  input: z.object({
    ...pageInput,
    status: z.enum(['pending', 'all'], { error: '状态无效' }).default('pending'),
    /** Words of the requester's name. */
    q: searchWords,
    /** By the time of the request, newest first by default (unit_path_status, unit_path_created). */
    sort: sortBy('createdAt'),
  }),
  result: {} as Page<LeaveView>,
};

export const dutyMyRequests = {
  input: z.object({ ...pageInput }),
  result: {} as Page<LeaveView>,
};

export const dutyRecordReception = {
  input: z
    .object({
      shiftId: id('班次'),
      people: z.number({ error: '请填写接待人数' }).int('人数应为整数').min(1, '至少 1 人').max(500, '人数过多'),
      topic: text('接待事项', LIMITS.receptionTopic),
      visitorName: optionalText('来访人姓名', LIMITS.visitorName),
      visitorPhone: phone.optional(),
      consent: z.boolean().default(false),
      concerns: concernsOnBehalf(1, '一次接待最多代提交 1 条诉求'),
    })
    .refine((v) => v.consent || (!v.visitorName && !v.visitorPhone), {
      message: '记录姓名或电话须征得来访人同意',
      path: ['consent'],
    })
    .refine((v) => v.consent || !v.concerns.length, { message: '代为提交诉求须征得来访人同意', path: ['consent'] }),
  result: {} as { _id: string; concernIds: string[] },
};

export interface ReceptionView {
  _id: string;
  people: number;
  topic: string;
  visitorName: string | null;
  /** Masked. */
  visitorPhone: string | null;
  concernId: string | null;
  memberName: string;
  createdAt: string;
}

export const dutyListReceptions = {
  input: z.object({ ...pageInput, shiftId: id('班次') }),
  result: {} as Page<ReceptionView>,
};

export interface BoardRow {
  workstationId: string;
  workstationName: string;
  shifts: number;
  /** Shifts with at least one member signed in. */
  covered: number;
  receptions: number;
  concerns: number;
  people: { name: string; outcome: DutyOutcome; start: string; end: string }[];
}

export const dutyBoard = {
  input: z.object({ ...pageInput, date: date('日期').optional() }),
  result: {} as Page<BoardRow> & { date: string; counts: Record<DutyOutcome, number> },
};

export interface OnDutyPerson {
  name: string;
  sectorName: string;
  avatar: string | null;
  start: string;
  end: string;
  date: string;
  signedIn: boolean;
}

export const dutyStationDuty = {
  input: z.object({ workstationId: id('工作站') }),
  result: {} as { today: OnDutyPerson[]; week: OnDutyPerson[]; todayDate: string },
};

export const dutyStationCode = {
  input: z.object({ workstationId: id('工作站') }),
  result: {} as { code: string; qr: string; text: string; expiresAt: string; workstationName: string },
};
