import { defineAction } from '../../shared/action';
import {
  bucketMonths,
  countMembers,
  coverageByStation,
  liaisonTotals,
  stationPlaces,
} from '../../shared/data/dashboard';
import { quotaFor } from '../../shared/data/liaisonQuotas';
import { getSectorsByIds } from '../../shared/data/sectors';
import { getUnit } from '../../shared/data/units';
import { concernFigures, rate, spanAsked, stationRows } from '../domain/dashboard';

const TOP_MEMBERS = 5;

/**
 * The staff dashboard of the caller's subtree, or of a sub-unit in it, for a span of China months,
 * optionally one sector (concerns and liaison are per sector; duty shifts are per station, so they
 * are not). Every figure is a database aggregation on an index led by the unit path.
 */
export default defineAction({
  name: 'org.dashboard',
  roles: ['staff', 'admin'],
  mutates: false,
  unitOf: async ({ unitId }) => (unitId ? (await getUnit(unitId)).path : null),
  async handler(input, ctx) {
    const unitId = input.unitId ?? (await ctx.scopeUnitId());
    const span = spanAsked(input, ctx.now);
    const [unit, buckets, places, coverage, liaison, members, sectors] = await Promise.all([
      getUnit(unitId),
      bucketMonths(unitId, span.months),
      stationPlaces(unitId),
      coverageByStation(unitId, span.fromDate, span.toDate, ctx.now),
      liaisonTotals(unitId, input.sectorId, span.start, span.end, TOP_MEMBERS),
      countMembers(unitId, input.sectorId),
      input.sectorId ? getSectorsByIds([input.sectorId]) : Promise.resolve(null),
    ]);
    const { quota } = await quotaFor(unit.path);
    const { byStation, ...concerns } = concernFigures(buckets, span.months, input.sectorId);
    const stations = stationRows(places, byStation, coverage);
    const planned = stations.reduce((n, s) => n + s.shifts, 0);
    const covered = stations.reduce((n, s) => n + s.covered, 0);
    const target = Math.ceil((quota.activitiesPerQuarter * members * span.months.length) / 3);
    return {
      from: span.from,
      to: span.to,
      unitName: unit.name,
      sectorName: input.sectorId ? (sectors?.get(input.sectorId)?.name ?? null) : null,
      ...concerns,
      duty: { planned, covered, rate: rate(covered, planned) },
      liaison: {
        activities: liaison.activities,
        personTimes: liaison.personTimes,
        activeMembers: liaison.activeMembers,
        members,
        target,
        rate: rate(Math.min(liaison.activities, target), target),
      },
      stations,
      topMembers: liaison.top.map((m) => ({
        memberId: m._id,
        name: m.name,
        activities: m.activities,
        personTimes: m.personTimes,
      })),
    };
  },
});
