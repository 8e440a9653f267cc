/**
 * The draft in the official layout, prefilled from what the author picked: 基本情况 tells what
 * was heard, where and when; 存在问题 lists the matters raised; 意见建议 starts the author off.
 * Citizens' personal data goes (shared/redact.ts): phones, ID numbers, door numbers, and the names
 * of contacts a liaison record names. The author edits every part before submitting.
 */
import { LIAISON_CHANNEL_LABELS, type Concern, type LiaisonRecord, type ReportBody, type User } from '@lxq/types';
import { redact } from '../../shared/redact';
import { inChina } from '../../shared/time';

const NUMBERS = '一二三四五六七八九十';
const day = (d: Date) => inChina(d).format('YYYY年M月D日');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function prefill(author: User, concerns: Concern[], records: LiaisonRecord[]): ReportBody {
  const names = records.flatMap((r) => r.contactNames ?? []);
  const scrub = (s: string) => redact(s, names);
  const heard = [
    ...concerns.map(
      (c) => `${day(c.createdAt)}，群众通过${c.workstationName ?? '“连心桥”小程序'}反映：${scrub(c.text)}`,
    ),
    ...records.map(
      (r) =>
        `${day(r.date)}，委员${r.memberName}通过${LIAISON_CHANNEL_LABELS[r.channel]}深入${scrub(r.place)}` +
        `${r.groups.length ? `，联系${r.groups.join('、')}` : ''}${r.personTimes ? `共${r.personTimes}人次` : ''}。` +
        scrub(r.summary),
    ),
  ];
  const matters = [...concerns.map((c) => scrub(c.title)), ...records.map((r) => clip(scrub(r.summary), 40))];
  const first = matters[0] ?? '群众反映的问题';
  return {
    title: clip(`关于${first.replace(/[。！？，,.!?]+$/, '')}的情况反映`, 60),
    situation: heard.join('\n'),
    problems: matters.map((m, i) => `${NUMBERS[i] ?? i + 1}是${m.replace(/[。！？]+$/, '')}。`).join('\n'),
    suggestions: '建议有关部门高度重视群众反映的上述问题，深入调查核实，研究提出解决办法，并及时向群众反馈办理情况。',
    reporter: author.roles.includes('member') ? `${author.name}委员` : author.name,
  };
}
