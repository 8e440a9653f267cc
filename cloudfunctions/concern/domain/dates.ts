import dayjs from 'dayjs';
import { ZONE } from '../../shared/time';

/** The start of a China day given as YYYY-MM-DD (plus `days`), as a Date. */
export const dayStartInChina = (day: string, days = 0) => dayjs.tz(day, ZONE).add(days, 'day').toDate();
