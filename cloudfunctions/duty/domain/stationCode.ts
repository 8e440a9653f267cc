import { createHmac, timingSafeEqual } from 'node:crypto';
import { STATION_CODE_SECONDS } from '@lxq/types';

/**
 * The station tablet's rotating sign-in code: 6 digits from HMAC-SHA256(secret, station|slot),
 * a new slot every 30 seconds. The secret comes from DUTY_CODE_SECRET (set it in the function's
 * environment in production); the fixed fallback only serves the local emulator and tests.
 */
const DEV_SECRET = 'lxq-dev-duty-code-secret';
const secret = () => process.env.DUTY_CODE_SECRET || DEV_SECRET;

export const slotOf = (at: Date) => Math.floor(at.getTime() / (STATION_CODE_SECONDS * 1000));

export function codeFor(stationId: string, slot: number): string {
  const mac = createHmac('sha256', secret()).update(`${stationId}|${slot}`).digest();
  // Dynamic truncation as in HOTP (RFC 4226): 31 bits from an offset the MAC chooses.
  const offset = mac[mac.length - 1] & 0x0f;
  const n = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(n % 1_000_000).padStart(6, '0');
}

/** The text the tablet's QR code carries; a member's scan sends it back as it is. */
export const qrText = (stationId: string, code: string) => `lxq-duty:${stationId}:${code}`;

/** The current and the previous slot are accepted, so a code read just before it turns still works. */
export function codeIsValid(stationId: string, input: string, at: Date): boolean {
  const m = /^(?:lxq-duty:([\w-]+):)?(\d{6})$/.exec(input.trim());
  if (!m || (m[1] && m[1] !== stationId)) return false;
  const slot = slotOf(at);
  return [slot, slot - 1].some((s) => timingSafeEqual(Buffer.from(codeFor(stationId, s)), Buffer.from(m[2])));
}

export function currentCode(stationId: string, at: Date) {
  const slot = slotOf(at);
  return {
    code: codeFor(stationId, slot),
    expiresAt: new Date((slot + 1) * STATION_CODE_SECONDS * 1000),
  };
}
