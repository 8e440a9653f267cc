/** The topic function's meeting and research actions (制定方案, 协商议事, 议前调研): schemas and results. */
import { z } from '../zod';
import type { MeetingOutcome } from '../domain/topicMeeting';
import { id, optionalText, phone, text } from './fields';
import { noticeTargetsInput } from './notice';

const instant = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .min(1, `请选择${label}`)
    .max(40, `${label}格式不正确`)
    .refine((s) => !Number.isNaN(Date.parse(s)), `${label}格式不正确`);

const day = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((s) => !Number.isNaN(Date.parse(s)), `${label}格式不正确`);

/** 制定方案: staff arrange the topic's meeting; it goes out as a meeting notice to the members chosen. */
export const topicArrangeMeeting = {
  input: z.object({
    id: id('议题'),
    title: text('会议名称', 4, 60),
    body: text('会议内容', 4, 2000),
    at: instant('会议时间'),
    place: text('会议地点', 2, 60),
    replyBy: instant('回执截止日期'),
    /** Members by sector, committee, workstation or name, inside the topic's unit. */
    targets: noticeTargetsInput,
    /** Invited people who are not members: named, told by phone. */
    guests: z
      .array(z.object({ name: text('姓名', 2, 20), phone }), { error: '特邀人员无效' })
      .max(30, '特邀人员最多 30 人')
      .default([]),
  }),
  result: {} as { noticeId: string; invited: number; guests: number },
};

/** The meeting screen's current sign-in code and its QR image (asked again every 30 s). */
export const topicMeetingCode = {
  input: z.object({ id: id('议题') }),
  result: {} as { code: string; qr: string; text: string; expiresAt: string; title: string },
};

/** A member signs in at the meeting: the QR text as scanned, or the topic and the 6 digits typed. */
export const topicCheckIn = {
  input: z.object({
    topicId: id('会议').optional(),
    code: text('签到码', 6, 100),
  }),
  result: {} as {
    topicId: string;
    title: string;
    outcome: MeetingOutcome;
    signedInAt: string;
    already: boolean;
  },
};

export interface MeetingPersonRow {
  userId: string;
  name: string;
  /** The notice reply: null until they answer. */
  reply: { attending: boolean; reason: string; at: string } | null;
  /** 'absent' once sign-in closed without them. */
  outcome: MeetingOutcome | 'absent';
  signedInAt: string;
}

export interface ResearchTaskRow {
  _id: string;
  userId: string;
  name: string;
  task: string;
  dueOn: string;
  status: 'open' | 'done';
  /** Still open after its China due day: flagged to the member and to staff, reminded daily. */
  overdue: boolean;
  note: string;
  liaisonRecordId: string;
  doneAt: string;
}

/** Staff: the meeting's replies and sign-ins, and the research tasks, on the topic. */
export const topicParticipants = {
  input: z.object({ id: id('议题') }),
  result: {} as {
    meeting: {
      noticeId: string;
      title: string;
      at: string;
      place: string;
      replyBy: string;
      closesAt: string;
      closed: boolean;
      guests: { name: string; phone: string }[];
      counts: {
        invited: number;
        attending: number;
        notAttending: number;
        onTime: number;
        late: number;
        absent: number;
      };
    } | null;
    people: MeetingPersonRow[];
    tasks: ResearchTaskRow[];
  },
};

/** 议前调研: staff give named members of the topic's unit a research task. */
export const topicAssignResearch = {
  input: z.object({
    id: id('议题'),
    memberIds: z.array(id('委员'), { error: '委员格式不正确' }).min(1, '请选择调研委员').max(20, '一次最多 20 位委员'),
    task: text('调研任务', 4, 500),
    dueOn: day('完成时限'),
  }),
  result: {} as { tasks: number },
};

export interface MyMeetingRow {
  topicId: string;
  title: string;
  at: string;
  place: string;
  closesAt: string;
  outcome: MeetingOutcome | 'absent';
  signedInAt: string;
  /** Sign-in is open now. */
  open: boolean;
}

/** A member's meetings and research tasks (委员 home), newest first. */
export const topicMine = {
  input: z.object({}),
  result: {} as {
    meetings: MyMeetingRow[];
    tasks: (Omit<ResearchTaskRow, 'userId' | 'name'> & { topicId: string; title: string })[];
  },
};

/** A member closes their research task with notes, or with one of their liaison records. */
export const topicCloseTask = {
  input: z
    .object({
      id: id('调研任务'),
      note: optionalText('调研情况', 1000),
      liaisonRecordId: id('联系记录').optional(),
    })
    .refine((v) => !!v.note || !!v.liaisonRecordId, { message: '请填写调研情况或选择一条联系记录', path: ['note'] }),
  result: {} as { status: 'done'; doneAt: string },
};
