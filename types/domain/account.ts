import type { LastChange } from './change';
import type { InvitableRole, Role } from '../roles';

/** A person bound to a WeChat account. Citizens have no user document until they are invited. */
export interface User {
  _id: string;
  openid: string | null;
  name: string;
  roles: Role[];
  /**
   * A member's own unit; for staff and admins also the unit whose subtree they act in, unless
   * `staffUnitId` says otherwise.
   */
  unitId: string;
  unitPath: string[];
  /**
   * A member who is also staff or admin of another unit: where those roles act. Their member
   * records (rosters, liaison, quotas) stay with `unitId`.
   */
  staffUnitId?: string | null;
  staffUnitPath?: string[] | null;
  sectorId?: string | null;
  committeeIds?: string[];
  workstationIds?: string[];
  /** A handler's department (承办单位, collection handling_units): they see only what it is given. */
  handlingUnitId?: string | null;
  phone?: string | null;
  title?: string;
  avatar?: string | null;
  createdAt: Date;
  /** Access revoked by an admin: no roles beyond citizen, records and history kept. */
  revokedAt?: Date | null;
  /** The roles held before a revocation or the end of a term (换届), for the record. */
  formerRoles?: Role[];
  /** Set when the person's term as a member ended (换届): the term's name and when. */
  termEnded?: { term: string; at: Date } | null;
  /** The unit (or an ancestor) was retired: the person's changes are refused, their records kept. */
  unitRetired?: boolean;
}

export const INVITATION_TTL_DAYS = 7;

export interface Invitation {
  _id: string;
  /** What the person types or the QR code carries: 8 characters, no look-alike letters. */
  code: string;
  name: string;
  role: InvitableRole;
  unitId: string;
  unitPath: string[];
  /** The unit's name when it was issued, so binding needs no look-up (older ones lack it). */
  unitName?: string;
  sectorId?: string | null;
  /** A handler's department (handling_units), named by the invitation. */
  handlingUnitId?: string | null;
  /** Set when the invitation extends an existing user (a member who also becomes staff). */
  userId?: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
  /** A bulk import's row: the mobile number it gave, to tell the same person on a re-import. */
  phone?: string | null;
  /** The import or resend that last wrote it, and what it replaced (server only: rewind.ts). */
  lastChange?: LastChange | null;
}

/** What `account.me` answers: who the caller is and where they may act. */
export interface Me {
  openid: string;
  userId: string | null;
  name: string;
  roles: Role[];
  unit: { _id: string; name: string } | null;
  /** Units whose subtree the caller administers (staff/admin). */
  scopes: { _id: string; name: string }[];
}

/**
 * A PC asking to be signed in by a scan (collection web_logins). `starter` is the PC's own web
 * identity, so only the browser that showed the code can collect the ticket.
 */
export interface WebLogin {
  _id: string;
  starter: string;
  device: string;
  status: 'pending' | 'confirmed' | 'refused' | 'used';
  createdAt: Date;
  expiresAt: Date;
  /** Who confirmed or refused it, and the session a confirmation opened. */
  openid: string | null;
  name: string | null;
  sessionId: string | null;
  decidedAt: Date | null;
  /** The last decision: the request that made it and the fields it replaced (server only). */
  lastChange?: LastChange | null;
}

/**
 * A signed-in PC (collection web_sessions). Its `_id` is the custom user id inside the login
 * ticket, so every call the PC makes names the session, and an ended one stops at once.
 */
export interface WebSession {
  _id: string;
  openid: string;
  userId: string;
  device: string;
  createdAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  /** The request that ended it (server only): its retry knows the session ended by itself. */
  lastChange?: LastChange | null;
}

/** How long a PC stays signed in without scanning again. */
export const WEB_SESSION_TTL_DAYS = 7;
