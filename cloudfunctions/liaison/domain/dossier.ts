/**
 * The 履职档案 of a member for a year or a term (届), as the blocks of a Word document for the
 * annual 述职 or the term's: the figures first (a term's also year by year), then every duty
 * shift, reception, liaison activity and answered concern, dated in China time. Pure: the reads
 * are in shared/data/dossier.ts.
 */
import { DUTY_OUTCOME_LABELS, LIAISON_CHANNEL_LABELS, LIAISON_OCCASION_LABELS } from '@lxq/types';
import type { DossierFigures, Term } from '@lxq/types';
import type { DossierConcern, DossierRecord, DossierShift } from '../../shared/data/dossier';
import type { Block } from '../../shared/docx';
import { inChina } from '../../shared/time';

export interface DossierInput {
  /** A year's document, or a term's (covering its years). */
  year: number | null;
  term: Term | null;
  name: string;
  unitName: string;
  sectorName: string;
  records: DossierRecord[];
  shifts: DossierShift[];
  answered: DossierConcern[];
  now: Date;
}

type Parts = Pick<DossierInput, 'records' | 'shifts' | 'answered'>;

export function dossierFigures(d: Parts): DossierFigures {
  const receptions = d.shifts.flatMap((s) => s.receptions);
  return {
    shifts: d.shifts.length,
    attended: d.shifts.filter((s) => s.outcome === 'on_time' || s.outcome === 'late').length,
    late: d.shifts.filter((s) => s.outcome === 'late').length,
    absent: d.shifts.filter((s) => s.outcome === 'absent').length,
    leave: d.shifts.filter((s) => s.outcome === 'leave').length,
    receptions: receptions.length,
    receptionPeople: receptions.reduce((n, r) => n + r.people, 0),
    activities: d.records.length,
    personTimes: d.records.reduce((n, r) => n + r.personTimes, 0),
    answered: d.answered.length,
    answeredOnTime: d.answered.filter((c) => !c.replyDueAt || new Date(c.firstRepliedAt) <= new Date(c.replyDueAt))
      .length,
  };
}

/** What the document is about: 2026年度, 十三届（2026年至今）. */
export const dossierLabel = (d: Pick<DossierInput, 'year' | 'term'>) => (d.term ? d.term.label : `${d.year}年度`);

/** The years a document covers. */
export const dossierYears = (d: Pick<DossierInput, 'year' | 'term'>): number[] =>
  d.term ? Array.from({ length: d.term.toYear - d.term.fromYear + 1 }, (_, i) => d.term!.fromYear + i) : [d.year!];

/** A term's figures for each of its years. */
export function figuresByYear(d: DossierInput): { year: number; figures: DossierFigures }[] {
  if (!d.term) return [];
  return dossierYears(d).map((year) => ({
    year,
    figures: dossierFigures({
      records: d.records.filter((r) => inChina(r.date).year() === year),
      shifts: d.shifts.filter((s) => Number(s.date.slice(0, 4)) === year),
      answered: d.answered.filter((c) => inChina(c.firstRepliedAt).year() === year),
    }),
  }));
}

const summary = (f: DossierFigures) =>
  `参加委员工作站值班${f.shifts}次（到岗${f.attended}次，其中迟到${f.late}次；缺勤${f.absent}次；请假${f.leave}次），` +
  `接待群众${f.receptions}批${f.receptionPeople}人次；开展联系界别群众活动${f.activities}次、${f.personTimes}人次；` +
  `答复交办的群众诉求${f.answered}件，其中按时答复${f.answeredOnTime}件。`;

export function dossierBlocks(d: DossierInput): Block[] {
  const f = dossierFigures(d);
  // A term spans years: its dates carry the year.
  const day = (at: Date | string) => inChina(at).format(d.term ? 'YYYY年M月D日' : 'M月D日');
  const none = d.term ? '本届' : '本年度';
  const blocks: Block[] = [
    { kind: 'title', text: `${dossierLabel(d)}委员履职档案` },
    { kind: 'subtitle', text: `${d.name}（${[d.unitName, d.sectorName].filter(Boolean).join(' · ')}）` },
    { kind: 'heading', text: '一、履职概况' },
    {
      kind: 'paragraph',
      text: `${d.term ? `${d.term.label}期间` : `${d.year}年`}，本人${summary(f)}`,
    },
    ...figuresByYear(d).map((y): Block => ({ kind: 'paragraph', text: `${y.year}年：${summary(y.figures)}` })),
    { kind: 'heading', text: '二、值班与接待' },
  ];
  if (!d.shifts.length) blocks.push({ kind: 'paragraph', text: `${none}没有值班安排。` });
  for (const s of d.shifts) {
    const got = s.receptions.map((r) => `接待${r.people}人：${r.topic}`).join('；');
    blocks.push({
      kind: 'paragraph',
      text: `${day(`${s.date}T12:00:00+08:00`)}，${s.workstationName}，${DUTY_OUTCOME_LABELS[s.outcome] ?? ''}${got ? `。${got}` : ''}。`,
    });
  }
  blocks.push({ kind: 'heading', text: '三、联系界别群众' });
  if (!d.records.length) blocks.push({ kind: 'paragraph', text: `${none}没有联系记录。` });
  for (const r of d.records) {
    const occasion = r.occasion ? `（${LIAISON_OCCASION_LABELS[r.occasion]}）` : '';
    blocks.push({
      kind: 'paragraph',
      text: `${day(r.date)}，${LIAISON_CHANNEL_LABELS[r.channel]}${occasion}，${r.place}，${r.personTimes}人次。${r.summary}`,
    });
  }
  blocks.push({ kind: 'heading', text: '四、办理群众诉求' });
  if (!d.answered.length) blocks.push({ kind: 'paragraph', text: `${none}没有答复交办的诉求。` });
  for (const c of d.answered) {
    const late = c.replyDueAt && new Date(c.firstRepliedAt) > new Date(c.replyDueAt) ? '（超期答复）' : '';
    blocks.push({ kind: 'paragraph', text: `${day(c.firstRepliedAt)}答复「${c.title}」（${c.category}）${late}。` });
  }
  blocks.push({ kind: 'right', text: `${inChina(d.now).format('YYYY年M月D日')}生成` });
  return blocks;
}
