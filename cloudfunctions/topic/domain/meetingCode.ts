import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { MEETING_CODE_SECONDS } from '@lxq/types';

/**
 * The meeting screen's rotating sign-in code, made as the workstation tablet's is (6 digits of an
 * HMAC over a 30-second slot, as HOTP truncates), but keyed by a random secret stored with the
 * meeting: nobody can make a meeting's code without reading the topic, and no deploy secret is
 * needed for it.
 */
export const newMeetingSecret = () => randomBytes(32).toString('base64url');

const slotOf = (at: Date) => Math.floor(at.getTime() / (MEETING_CODE_SECONDS * 1000));

function codeFor(secret: string, topicId: string, slot: number): string {
  const mac = createHmac('sha256', secret).update(`meeting|${topicId}|${slot}`).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The text the meeting's QR code carries; a member's scan sends it back as it is. */
export const meetingQrText = (topicId: string, code: string) => `lxq-meeting:${topicId}:${code}`;

/** Reads what was scanned or typed: the QR text, or the 6 digits alone with the topic named beside them. */
export function parseMeetingCode(input: string, topicId?: string): { topicId: string; code: string } | null {
  const m = /^(?:lxq-meeting:([\w-]+):)?(\d{6})$/.exec(input.trim());
  if (!m) return null;
  if (m[1] && topicId && m[1] !== topicId) return null;
  const id = m[1] ?? topicId;
  return id ? { topicId: id, code: m[2] } : null;
}

/** The current and the previous slot are accepted, so a code read just before it turns still works. */
export function meetingCodeIsValid(secret: string, topicId: string, code: string, at: Date): boolean {
  const slot = slotOf(at);
  return [slot, slot - 1].some((s) => timingSafeEqual(Buffer.from(codeFor(secret, topicId, s)), Buffer.from(code)));
}

export function currentMeetingCode(secret: string, topicId: string, at: Date) {
  const slot = slotOf(at);
  return { code: codeFor(secret, topicId, slot), expiresAt: new Date((slot + 1) * MEETING_CODE_SECONDS * 1000) };
}
