import { createHmac, timingSafeEqual } from 'node:crypto';
import { STATION_CODE_SECONDS } from '@lxq/types';
import { AppError } from '../../shared/errors';

/**
 * The station tablet's rotating sign-in code: 6 digits from HMAC-SHA256(secret, station|slot),
 * a new slot every 30 seconds. The secret is DUTY_CODE_SECRET in the function's environment: the
 * deploy generates one, the emulator gives its functions its own. Without it the code refuses to
 * work (a secret written in the source would let anyone who reads it sign in from home).
 */
const MIN_SECRET_LENGTH = 16;

function secret(): string {
  const value = process.env.DUTY_CODE_SECRET ?? '';
  if (value.length >= MIN_SECRET_LENGTH) return value;
  console.error(
    `[duty] DUTY_CODE_SECRET is ${value ? 'shorter than 16 characters' : 'not set'}: station codes are refused until the deploy sets it`,
  );
  throw new AppError('INTERNAL', '工作站签到码尚未配置，请联系管理员；您可以用定位签到');
}

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
