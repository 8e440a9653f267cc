import type { Figures, OrgUnit, StationAssessment, Weights, Workstation } from '@lxq/types';
import { pageWorkstations } from '../../shared/data/workstations';
import { SOURCES, STATION_INDICATORS } from '../indicators';
import type { SourceQuery } from '../indicators/types';
import type { AskedPeriod } from './period';
import { ranks, scoreOf } from './score';

async function stationsOf(unitId: string): Promise<Workstation[]> {
  const out: Workstation[] = [];
  for (let page = 1; page <= 20; page++) {
    const { items, total } = await pageWorkstations(unitId, page, 500);
    out.push(...items);
    if (out.length >= total || !items.length) break;
  }
  return out;
}

/** Every workstation of the subtree with every registered station indicator, ranked by score. */
export async function rankStations(
  unit: OrgUnit,
  period: AskedPeriod,
  weights: Weights,
  now: Date,
): Promise<StationAssessment[]> {
  const q: SourceQuery = { unitId: unit._id, unitPath: unit.path, ...period, now, memberIds: [] };
  const [stations, ...answers] = await Promise.all([
    stationsOf(unit._id),
    ...SOURCES.filter((s) => s.station).map((s) => s.station!.perStation(q)),
  ]);
  const items: StationAssessment[] = stations.map((s) => {
    const figures: Figures = Object.fromEntries(STATION_INDICATORS.map((i) => [i.key, 0]));
    for (const a of answers) Object.assign(figures, a.get(s._id));
    return {
      workstationId: s._id,
      name: s.name,
      unitId: s.unitId,
      figures,
      ...scoreOf(figures, weights, STATION_INDICATORS),
      rank: 0,
    };
  });
  const r = ranks(items);
  for (const i of items) i.rank = r.get(i)!;
  return items.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN'));
}
