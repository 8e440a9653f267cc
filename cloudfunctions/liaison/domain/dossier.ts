/**
 * The 履职档案 of a member for a year, as the blocks of a Word document for the annual 述职:
 * the figures first, then every duty shift, reception, liaison activity and answered concern,
 * dated in China time. Pure: the reads are in shared/data/dossier.ts.
 */
import { DUTY_OUTCOME_LABELS, LIAISON_CHANNEL_LABELS, LIAISON_OCCASION_LABELS } from '@lxq/types';
import type { DossierConcern, DossierRecord, DossierShift } from '../../shared/data/dossier';
import type { Block } from '../../shared/docx';
import { inChina } from '../../shared/time';

export interface DossierInput {
  year: number;
  name: string;
  unitName: string;
  sectorName: string;
  records: DossierRecord[];
  shifts: DossierShift[];
  answered: DossierConcern[];
  now: Date;
}

export function dossierFigures(d: Pick<DossierInput, 'records' | 'shifts' | 'answered'>) {
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

const day = (d: Date | string) => inChina(d).format('M月D日');

export function dossierBlocks(d: DossierInput): Block[] {
  const f = dossierFigures(d);
  const blocks: Block[] = [
    { kind: 'title', text: `${d.year}年度委员履职档案` },
    { kind: 'subtitle', text: `${d.name}（${[d.unitName, d.sectorName].filter(Boolean).join(' · ')}）` },
    { kind: 'heading', text: '一、履职概况' },
    {
      kind: 'paragraph',
      text:
        `${d.year}年，本人参加委员工作站值班${f.shifts}次（到岗${f.attended}次，其中迟到${f.late}次；缺勤${f.absent}次；请假${f.leave}次），` +
        `接待群众${f.receptions}批${f.receptionPeople}人次；开展联系界别群众活动${f.activities}次、${f.personTimes}人次；` +
        `答复交办的群众诉求${f.answered}件，其中按时答复${f.answeredOnTime}件。`,
    },
    { kind: 'heading', text: '二、值班与接待' },
  ];
  if (!d.shifts.length) blocks.push({ kind: 'paragraph', text: '本年度没有值班安排。' });
  for (const s of d.shifts) {
    const got = s.receptions.map((r) => `接待${r.people}人：${r.topic}`).join('；');
    blocks.push({
      kind: 'paragraph',
      text: `${s.date.slice(5).replace('-', '月').replace(/^0/, '')}日，${s.workstationName}，${DUTY_OUTCOME_LABELS[s.outcome] ?? ''}${got ? `。${got}` : ''}。`,
    });
  }
  blocks.push({ kind: 'heading', text: '三、联系界别群众' });
  if (!d.records.length) blocks.push({ kind: 'paragraph', text: '本年度没有联系记录。' });
  for (const r of d.records) {
    const occasion = r.occasion ? `（${LIAISON_OCCASION_LABELS[r.occasion]}）` : '';
    blocks.push({
      kind: 'paragraph',
      text: `${day(r.date)}，${LIAISON_CHANNEL_LABELS[r.channel]}${occasion}，${r.place}，${r.personTimes}人次。${r.summary}`,
    });
  }
  blocks.push({ kind: 'heading', text: '四、办理群众诉求' });
  if (!d.answered.length) blocks.push({ kind: 'paragraph', text: '本年度没有答复交办的诉求。' });
  for (const c of d.answered) {
    const late = c.replyDueAt && new Date(c.firstRepliedAt) > new Date(c.replyDueAt) ? '（超期答复）' : '';
    blocks.push({ kind: 'paragraph', text: `${day(c.firstRepliedAt)}答复「${c.title}」（${c.category}）${late}。` });
  }
  blocks.push({ kind: 'right', text: `${inChina(d.now).format('YYYY年M月D日')}生成` });
  return blocks;
}
