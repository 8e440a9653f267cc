import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Days, weeks and quarters are China's, whatever zone the function runs in. */
export const ZONE = 'Asia/Shanghai';

export const inChina = (d: Date | string | number = new Date()) => dayjs(d).tz(ZONE);

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** ISO text for the client; the client formats it in China time. */
export const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : '');
