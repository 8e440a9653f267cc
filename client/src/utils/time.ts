import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_TZ = 'Asia/Shanghai';

/** Times are shown in China time whatever zone the phone or browser is in. */
export function formatChinaTime(iso: string | Date | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return '';
  try {
    return d.tz(CHINA_TZ).format(pattern);
  } catch {
    // A JS engine without Intl time zones: China has no DST, so UTC+8 is exact.
    return d.utcOffset(8 * 60).format(pattern);
  }
}
