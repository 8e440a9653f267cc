import { formatChinaTime } from './time';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "11月24日 周二 09:00–12:00", in China time. */
export function shiftWhen(start: string, end: string): string {
  const day = Number(formatChinaTime(start, 'd'));
  return `${formatChinaTime(start, 'M月D日')} ${WEEKDAYS[day] ?? ''} ${formatChinaTime(start, 'HH:mm')}–${formatChinaTime(end, 'HH:mm')}`;
}
