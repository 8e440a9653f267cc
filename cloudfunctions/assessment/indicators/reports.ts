import { $, db } from '../../shared/cloud';
import type { IndicatorSource } from './types';

/**
 * 社情民意信息: per author, the reports submitted in the period and, of those, the ones adopted at
 * any level. One aggregate over the subtree's reports of the year (reports.unit_path_year_updated).
 */
export const REPORT_SOURCE: IndicatorSource = {
  name: 'report',
  member: {
    indicators: [
      { key: 'report.submitted', label: '报送社情民意', unit: '篇', defaultWeight: 2, hint: '期间报送的社情民意信息' },
      { key: 'report.adopted', label: '社情民意采用', unit: '篇', defaultWeight: 3, hint: '期间报送、已被任一级采用' },
    ],
    async perMember(q) {
      const inPeriod = $.and([$.gte(['$submittedAt', q.start]), $.lt(['$submittedAt', q.end])]);
      const adopted = $.gt([$.size($.ifNull(['$adoptedLevels', []])), 0]);
      const { list } = await db
        .collection('reports')
        .aggregate()
        .match({ unitPath: q.unitId, year: q.year })
        .group({
          _id: '$authorId',
          submitted: $.sum($.cond({ if: inPeriod, then: 1, else: 0 })),
          adopted: $.sum($.cond({ if: $.and([inPeriod, adopted]), then: 1, else: 0 })),
        })
        .limit(10000)
        .end();
      return new Map(
        (list as { _id: string; submitted: number; adopted: number }[]).map((r) => [
          r._id,
          { figures: { 'report.submitted': r.submitted, 'report.adopted': r.adopted } },
        ]),
      );
    },
  },
};
