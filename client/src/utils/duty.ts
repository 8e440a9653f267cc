import { formatChinaTime } from './time';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "11月24日 周二 09:00–12:00", in China time. */
export function shiftWhen(start: string, end: string): string {
  const day = Number(formatChinaTime(start, 'd'));
  return `${formatChinaTime(start, 'M月D日')} ${WEEKDAYS[day] ?? ''} ${formatChinaTime(start, 'HH:mm')}–${formatChinaTime(end, 'HH:mm')}`;
}

/** "迟到 12 分钟": how late a sign-in was, whole minutes, at least 1. */
export function lateLabel(start: string, signedInAt: string | null | undefined): string | undefined {
  if (!signedInAt) return undefined;
  const minutes = Math.max(1, Math.ceil((Date.parse(signedInAt) - Date.parse(start)) / 60_000));
  return Number.isFinite(minutes) ? `迟到 ${minutes} 分钟` : undefined;
}
