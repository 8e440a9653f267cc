import { $, db } from '../../shared/cloud';
import type { IndicatorSource } from './types';

/** Statuses a proposal reaches only once it has been filed (立案). */
const FILED = ['filed', 'assigned', 'answered', 'rehandling', 'closed'];

/**
 * 提案: per proposer, the proposals submitted in the period and, of those, the ones filed. One
 * aggregate over the subtree's proposals of the year (proposals.unit_year_created).
 */
export const PROPOSAL_SOURCE: IndicatorSource = {
  name: 'proposal',
  member: {
    indicators: [
      { key: 'proposal.submitted', label: '提交提案', unit: '件', defaultWeight: 2, hint: '期间提交的提案（领衔）' },
      { key: 'proposal.filed', label: '提案立案', unit: '件', defaultWeight: 3, hint: '期间提交、已立案' },
    ],
    async perMember(q) {
      const inPeriod = $.and([$.gte(['$submittedAt', q.start]), $.lt(['$submittedAt', q.end])]);
      const { list } = await db
        .collection('proposals')
        .aggregate()
        .match({ unitPath: q.unitId, year: q.year })
        .group({
          _id: '$proposerId',
          submitted: $.sum($.cond({ if: inPeriod, then: 1, else: 0 })),
          filed: $.sum($.cond({ if: $.and([inPeriod, $.in(['$status', FILED])]), then: 1, else: 0 })),
        })
        .limit(10000)
        .end();
      return new Map(
        (list as { _id: string; submitted: number; filed: number }[]).map((r) => [
          r._id,
          { figures: { 'proposal.submitted': r.submitted, 'proposal.filed': r.filed } },
        ]),
      );
    },
  },
};
