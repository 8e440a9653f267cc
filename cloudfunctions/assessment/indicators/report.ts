import type { IndicatorInfo } from '@lxq/types';
import { reportCountsByAuthor } from '../../shared/data/reports';
import type { IndicatorSource } from './types';

/**
 * 社情民意信息: per member, the reports they first submitted in the period, how many were adopted
 * (at any level and per level) and how many drew a 批示 — the report domain's own aggregate, so
 * the figures page, its export and the assessment count alike. Adoption counts whenever it came.
 */
const INDICATORS: IndicatorInfo[] = [
  { key: 'report.submitted', label: '报送社情民意', unit: '篇', defaultWeight: 1, hint: '期间首次报送' },
  { key: 'report.adopted', label: '社情民意采用', unit: '篇', defaultWeight: 2, hint: '报送的信息被任一级采用' },
  { key: 'report.county', label: '县级采用', unit: '篇', defaultWeight: 0, hint: '被县级政协采用' },
  { key: 'report.city', label: '市级采用', unit: '篇', defaultWeight: 1, hint: '被市级政协采用' },
  { key: 'report.province', label: '省级采用', unit: '篇', defaultWeight: 2, hint: '被省级政协采用' },
  { key: 'report.national', label: '全国采用', unit: '篇', defaultWeight: 3, hint: '被全国政协采用' },
  { key: 'report.instructed', label: '获得批示', unit: '篇', defaultWeight: 2, hint: '报送的信息获领导批示' },
];

export const REPORT_SOURCE: IndicatorSource = {
  name: 'report',
  member: {
    indicators: INDICATORS,
    async perMember(q) {
      const rows = await reportCountsByAuthor(q.unitId, q.year, { start: q.start, end: q.end }, q.memberIds);
      return new Map(
        rows.map((r) => [
          r.authorId,
          {
            figures: {
              'report.submitted': r.submitted,
              'report.adopted': r.adopted,
              'report.county': r.county,
              'report.city': r.city,
              'report.province': r.province,
              'report.national': r.national,
              'report.instructed': r.instructed,
            },
          },
        ]),
      );
    },
  },
};
