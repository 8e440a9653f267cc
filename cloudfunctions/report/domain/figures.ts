/** 社情民意信息 figures of a year: submitted, adopted (by level), with 批示 — per member, sector, unit. */
import type { OrgLevel, ReportFigureRow, ReportFigures } from '@lxq/types';
import type { ReportCountRow } from '../../shared/data/reports';

const LEVELS: OrgLevel[] = ['county', 'city', 'province', 'national'];

export function toFigures(
  year: number,
  rows: ReportCountRow[],
  names: { sectors: Map<string, string>; units: Map<string, string> },
): ReportFigures {
  const sum = (k: keyof ReportCountRow) => rows.reduce((n, r) => n + (Number(r[k]) || 0), 0);
  const group = (key: (r: ReportCountRow) => string, name: (k: string) => string): ReportFigureRow[] => {
    const out = new Map<string, ReportFigureRow>();
    for (const r of rows) {
      const k = key(r);
      const row = out.get(k) ?? { key: k, name: name(k), submitted: 0, adopted: 0, instructed: 0 };
      row.submitted += r.submitted;
      row.adopted += r.adopted;
      row.instructed += r.instructed;
      out.set(k, row);
    }
    return [...out.values()].sort(
      (a, b) => b.adopted - a.adopted || b.submitted - a.submitted || a.name.localeCompare(b.name),
    );
  };
  return {
    year,
    submitted: sum('submitted'),
    adopted: sum('adopted'),
    adoptedByLevel: Object.fromEntries(LEVELS.map((l) => [l, sum(l)])) as Record<OrgLevel, number>,
    instructed: sum('instructed'),
    byMember: group(
      (r) => r.authorId,
      (k) => rows.find((r) => r.authorId === k)?.authorName ?? '',
    ),
    bySector: group(
      (r) => r.sectorId ?? '',
      (k) => (k ? (names.sectors.get(k) ?? '') : '（无界别）'),
    ),
    byUnit: group(
      (r) => r.unitId,
      (k) => names.units.get(k) ?? '',
    ),
  };
}
