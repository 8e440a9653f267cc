import type { ReportFigures } from '@lxq/types';
import { reportCountsByAuthor } from '../../shared/data/reports';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUnitsByIds } from '../../shared/data/units';
import { toFigures } from './figures';

/** One aggregate for the counts, then the sector and unit names they mention. */
export async function loadFigures(unitId: string, year: number): Promise<ReportFigures> {
  const rows = await reportCountsByAuthor(unitId, year);
  const [sectors, units] = await Promise.all([
    getSectorsByIds(rows.map((r) => r.sectorId ?? '').filter(Boolean)),
    getUnitsByIds(rows.map((r) => r.unitId)),
  ]);
  return toFigures(year, rows, {
    sectors: new Map([...sectors].map(([k, s]) => [k, s.name])),
    units: new Map([...units].map(([k, u]) => [k, u.name])),
  });
}
