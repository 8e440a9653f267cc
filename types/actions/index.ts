import type { Input, Output } from '../zod';
import * as account from './account';
import * as org from './org';
import * as concern from './concern';

/**
 * Every action the client may call, by "function.action". The client's `call()` and each
 * function's router are typed from this one table.
 */
export const ACTIONS = {
  'account.me': account.accountMe,
  'account.createInvitation': account.accountCreateInvitation,
  'account.listInvitations': account.accountListInvitations,
  'account.inspectInvitation': account.accountInspectInvitation,
  'account.bindInvitation': account.accountBindInvitation,
  'account.recordSubscriptions': account.accountRecordSubscriptions,
  'account.listInbox': account.accountListInbox,
  'account.readInbox': account.accountReadInbox,
  'org.listWorkstations': org.orgListWorkstations,
  'org.getWorkstation': org.orgGetWorkstation,
  'org.listSectors': org.orgListSectors,
  'org.listUnits': org.orgListUnits,
  'concern.submit': concern.concernSubmit,
  'concern.listMine': concern.concernListMine,
  'concern.listForStaff': concern.concernListForStaff,
} as const;

export type ActionName = keyof typeof ACTIONS;
export type ActionInput<N extends ActionName> = Input<(typeof ACTIONS)[N]['input']>;
export type ActionParsed<N extends ActionName> = Output<(typeof ACTIONS)[N]['input']>;
export type ActionOutput<N extends ActionName> = (typeof ACTIONS)[N]['result'];

export * from './account';
export * from './org';
export * from './concern';
