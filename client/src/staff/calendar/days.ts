import type { CalendarDay } from '@lxq/types';

export interface Block {
  name: string;
  from: string;
  to: string;
  days: number;
}

const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const next = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Consecutive days off of one holiday as one block: "春节 2月5日至2月13日（9 天）". */
export function blocks(days: CalendarDay[]): Block[] {
  const out: Block[] = [];
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = out[out.length - 1];
    if (last && last.name === d.name && next(last.to) === d.date) {
      last.to = d.date;
      last.days++;
    } else out.push({ name: d.name, from: d.date, to: d.date, days: 1 });
  }
  return out;
}

export const blockText = (b: Block) => (b.days === 1 ? md(b.from) : `${md(b.from)}至${md(b.to)}`) + `（${b.days} 天）`;

export const datesText = (days: CalendarDay[]) => days.map((d) => md(d.date)).join('、');
