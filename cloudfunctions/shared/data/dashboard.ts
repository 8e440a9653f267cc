/**
 * The staff dashboard's reads. Each is one aggregation on an index led by the unit path: concern
 * figures come from the month slices of the concern buckets (a few documents per station, never
 * the concerns), duty and liaison figures are grouped in the database and only the groups return.
 */
import type { ConcernCounter } from '@lxq/types';
import { $, _, db } from '../cloud';

export type BucketMonths = Pick<ConcernCounter, '_id' | 'unitId' | 'workstationId' | 'workstationName' | 'months'>;

/** The subtree's concern buckets with only the asked months' slices. */
export async function bucketMonths(unitId: string, months: string[]): Promise<BucketMonths[]> {
  const project: Record<string, 1> = { unitId: 1, workstationId: 1, workstationName: 1 };
  for (const m of months) project[`months.${m}`] = 1;
  const out: BucketMonths[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { list } = await db
      .collection('concern_counters')
      .aggregate()
      .match({ unitPath: unitId })
      .project(project)
      .skip(skip)
      .limit(1000)
      .end();
    out.push(...(list as BucketMonths[]));
    if (list.length < 1000) return out;
  }
}

export interface StationCoverage {
  _id: string;
  shifts: number;
  covered: number;
}

/** Scheduled shifts per station on China dates [fromDate, toDate] that started before `now`. */
export async function coverageByStation(
  unitId: string,
  fromDate: string,
  toDate: string,
  now: Date,
): Promise<StationCoverage[]> {
  const { list } = await db
    .collection('shifts')
    .aggregate()
    .match({ unitPath: unitId, date: _.gte(fromDate).and(_.lte(toDate)), status: 'scheduled', start: _.lt(now) })
    .group({
      _id: '$workstationId',
      shifts: $.sum(1),
      covered: $.sum($.cond([$.gt(['$signedInCount', 0]), 1, 0])),
    })
    .limit(10000)
    .end();
  return list as StationCoverage[];
}

export interface LiaisonTotals {
  activities: number;
  personTimes: number;
  activeMembers: number;
  top: { _id: string; name: string; activities: number; personTimes: number }[];
}

/** Activities and person-times in [start, end) of the subtree (or one sector), and the most active members. */
export async function liaisonTotals(
  unitId: string,
  sectorId: string | undefined,
  start: Date,
  end: Date,
  top: number,
): Promise<LiaisonTotals> {
  const match = { unitPath: unitId, ...(sectorId ? { sectorId } : {}), date: _.gte(start).and(_.lt(end)) };
  const records = () => db.collection('liaison_records').aggregate().match(match);
  const byMember = {
    _id: '$memberId',
    name: $.first('$memberName'),
    activities: $.sum(1),
    personTimes: $.sum('$personTimes'),
  };
  const [{ list: sums }, { list: best }] = await Promise.all([
    records()
      .group(byMember)
      .group({
        _id: null,
        activities: $.sum('$activities'),
        personTimes: $.sum('$personTimes'),
        activeMembers: $.sum(1),
      })
      .end(),
    records().group(byMember).sort({ activities: -1, personTimes: -1 }).limit(top).end(),
  ]);
  const s = (sums[0] ?? {}) as Partial<LiaisonTotals>;
  return {
    activities: s.activities ?? 0,
    personTimes: s.personTimes ?? 0,
    activeMembers: s.activeMembers ?? 0,
    top: best as LiaisonTotals['top'],
  };
}

/** How many members the subtree (or one sector) has. */
export async function countMembers(unitId: string, sectorId: string | undefined): Promise<number> {
  const { total } = await db
    .collection('users')
    .where({ unitPath: unitId, roles: 'member', ...(sectorId ? { sectorId } : {}) })
    .count();
  return total;
}

/** The subtree's stations with their coordinates (for the map). */
export async function stationPlaces(unitId: string) {
  const out: { _id: string; name: string; location: { lat: number; lng: number } | null }[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await db
      .collection('workstations')
      .where({ unitPath: unitId })
      .field({ name: true, location: true })
      .skip(skip)
      .limit(1000)
      .get();
    out.push(...(data as typeof out));
    if (data.length < 1000) return out;
  }
}
