import { memberProposalCountsBetween } from '../../shared/proposals/memberCounts';
import type { IndicatorSource } from './types';

/**
 * 提案: per proposer, the proposals submitted in the period and how many of them were filed (立案
 * or any state after it) — the proposal domain's own rule, so its figures and the assessment agree.
 */
export const PROPOSAL_SOURCE: IndicatorSource = {
  name: 'proposal',
  member: {
    indicators: [
      { key: 'proposal.submitted', label: '提交提案', unit: '件', defaultWeight: 1, hint: '期间提交（领衔）' },
      { key: 'proposal.filed', label: '提案立案', unit: '件', defaultWeight: 2, hint: '期间提交并已立案' },
    ],
    async perMember(q) {
      const rows = await memberProposalCountsBetween(q.unitId, q.year, q.start, q.end, q.memberIds);
      return new Map(
        rows.map((r) => [r.memberId, { figures: { 'proposal.submitted': r.submitted, 'proposal.filed': r.filed } }]),
      );
    },
  },
};
