import { z } from '../zod';
import { INVITABLE_ROLES } from '../roles';
import type { Invitation, Me } from '../domain/account';
import type { Page } from '../contract';
import { id, pageInput, searchWords, sortBy, text } from './fields';

export const accountMe = { input: z.object({}), result: {} as Me };

export const accountCreateInvitation = {
  input: z
    .object({
      name: text('姓名', 2, 20),
      role: z.enum(INVITABLE_ROLES, { error: '请选择角色' }),
      unitId: id('所属单位'),
      sectorId: id('界别').optional(),
      handlingUnitId: id('承办单位').optional(),
    })
    .refine((v) => v.role !== 'handler' || !!v.handlingUnitId, {
      message: '请选择承办单位',
      path: ['handlingUnitId'],
    }),
  result: {} as InvitationView,
};

export const accountListInvitations = {
  input: z.object({
    ...pageInput,
    status: z.enum(['open', 'used', 'expired']).optional(),
    /** Words of the invited person's name. */
    q: searchWords,
    /** By the time it was sent, newest first by default (unit_path_created). */
    sort: sortBy('createdAt'),
  }),
  result: {} as Page<InvitationView>,
};

export const accountInspectInvitation = {
  input: z.object({ code: invitationCode() }),
  result: {} as { name: string; role: Invitation['role']; unitName: string; expiresAt: string },
};

export const accountBindInvitation = {
  input: z.object({ code: invitationCode() }),
  result: {} as Me,
};

function invitationCode() {
  return z
    .string({ error: '请输入邀请码' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母或数字');
}

export interface InvitationView {
  _id: string;
  code: string;
  name: string;
  role: Invitation['role'];
  unitId: string;
  unitName: string;
  status: 'open' | 'used' | 'expired';
  expiresAt: string;
  createdAt: string;
  /** Data URL of the QR code that opens the invitation page. */
  qr?: string;
}

/** What wx.requestSubscribeMessage answered, per template, recorded on the tap that asked. */
export const accountRecordSubscriptions = {
  input: z.object({
    answers: z
      .array(
        z.object({
          template: z.enum(['concernStatus', 'taskReminder', 'shiftChange', 'notice'], { error: '未知的消息模板' }),
          answer: z.enum(['accept', 'reject', 'ban'], { error: '授权结果无效' }),
        }),
      )
      .min(1, '没有授权结果')
      .max(10, '授权结果过多'),
  }),
  result: {} as { recorded: number },
};

export const accountListInbox = {
  input: z.object({ ...pageInput, unreadOnly: z.boolean().default(false) }),
  result: {} as Page<InboxView> & { unread: number },
};

export const accountReadInbox = {
  input: z.object({ id: id('消息') }),
  result: {} as { unread: number },
};

export interface InboxView {
  _id: string;
  kind: string;
  title: string;
  body: string;
  page: string;
  createdAt: string;
  read: boolean;
}

/**
 * Signing in on a PC by scanning: the PC (a web caller, signed in anonymously) starts a login and
 * shows its QR code; a staff member scans it in the mini-program and confirms; the PC polls and
 * receives a custom-login ticket for a new session (see the README's design note).
 */
export const WEB_LOGIN_TTL_SECONDS = 120;

const webLoginId = () =>
  z
    .string({ error: '二维码无效，请在电脑上刷新后重新扫码' })
    .regex(/^[a-f0-9]{24}$/, '二维码无效，请在电脑上刷新后重新扫码');

export const accountWebLoginStart = {
  input: z.object({ device: text('设备名称', 1, 60) }),
  result: {} as { id: string; expiresAt: string; /** Data URL of the code the mini-program scans. */ qr: string },
};

export const accountWebLoginPoll = {
  input: z.object({ id: webLoginId() }),
  result: {} as WebLoginPoll,
};

export const accountWebLoginInspect = {
  input: z.object({ id: webLoginId() }),
  result: {} as { device: string; startedAt: string; expiresAt: string },
};

export const accountWebLoginConfirm = {
  input: z.object({ id: webLoginId() }),
  result: {} as { device: string },
};

export const accountWebLoginRefuse = {
  input: z.object({ id: webLoginId() }),
  result: {} as { refused: true },
};

export const accountListSessions = {
  input: z.object({}),
  result: {} as { items: WebSessionView[] },
};

export const accountEndSession = {
  input: z.object({ id: z.string({ error: '请选择设备' }).regex(/^[a-f0-9]{24}$/, '设备无效') }),
  result: {} as { ended: true },
};

/** What the PC learns while it waits: a ticket only once, and only for the PC that asked. */
export type WebLoginPoll =
  | { status: 'pending' | 'refused' | 'expired' | 'used' }
  | { status: 'confirmed'; ticket: string; name: string; /** What sign-out ends. */ sessionId: string };

export interface WebSessionView {
  _id: string;
  device: string;
  createdAt: string;
  expiresAt: string;
  /** The session the caller is using right now (a PC looking at its own list). */
  current: boolean;
}
