/**
 * 不立案, 转为社情民意信息: the proposal's text becomes a report draft of its proposer, in the
 * official layout, which they edit and submit like any other. Sentences that propose (建议…) go
 * to 意见建议, the rest to 基本情况; 存在问题 starts from the title for the author to sharpen.
 */
import type { Proposal, Report } from '@lxq/types';
import { LIMITS } from '@lxq/types/limits';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const FALLBACK = '建议有关部门研究提案所提问题，提出解决办法，并及时反馈办理情况。';

export function reportFromProposal(p: Proposal, reportId: string, now: Date): Report {
  const sentences = p.body.match(/[^。！？]+[。！？]?/g) ?? [p.body];
  const proposing = sentences.filter((s) => s.includes('建议'));
  const told = sentences.filter((s) => !s.includes('建议')).join('');
  const subject = p.title.replace(/^关于/, '').replace(/的(建议|提案)$/, '');
  const max = LIMITS.reportSection.max;
  return {
    _id: reportId,
    title: clip(`关于${subject}的情况反映`, LIMITS.reportTitle.max),
    situation: clip(told.length >= LIMITS.reportSection.min ? told : p.body, max),
    problems: clip(`${subject}方面的问题尚未得到有效解决（请根据实际情况具体说明）。`, max),
    suggestions: clip(proposing.join('') || FALLBACK, max),
    reporter: `${p.proposerName}委员`,
    status: 'draft',
    authorId: p.proposerId,
    authorOpenid: p.proposerOpenid,
    authorName: p.proposerName,
    sectorId: p.sectorId,
    unitId: p.unitId,
    unitPath: p.unitPath,
    atUnitId: p.unitId,
    atUnitPath: p.unitPath,
    concernIds: [],
    liaisonIds: [],
    submitterOpenids: [],
    decisions: [],
    instructions: [],
    adoptedLevels: [],
    fromProposal: { id: p._id, title: p.title },
    year: null,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
  };
}
