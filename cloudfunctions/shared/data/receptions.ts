import type { Reception } from '@lxq/types';
import { $, _, db } from '../cloud';
import { pageOf } from './page';

const receptions = () => db.collection('receptions');

export async function insertReception(r: Reception): Promise<void> {
  const { _id, ...rest } = r;
  await receptions().add({ data: { _id, ...rest } });
}

export async function pageShiftReceptions(shiftId: string, page: number, size: number) {
  return pageOf<Reception>(receptions().where({ shiftId }), ['createdAt', 'desc'], page, size);
}

/**
 * Receptions and the concerns they raised, per station, on a China date in a unit's subtree:
 * counted from the records themselves (unit_path_date index), so recording one writes nothing else.
 */
export async function receptionCountsByStation(
  unitId: string,
  date: string,
  workstationIds: string[],
): Promise<Map<string, { receptions: number; concerns: number }>> {
  if (!workstationIds.length) return new Map();
  const { list } = await receptions()
    .aggregate()
    .match({ unitPath: unitId, date, workstationId: _.in(workstationIds) })
    .group({
      _id: '$workstationId',
      receptions: $.sum(1),
      concerns: $.sum($.cond([$.ifNull(['$concernId', false]), 1, 0])),
    })
    .limit(workstationIds.length)
    .end();
  return new Map(
    (list as { _id: string; receptions: number; concerns: number }[]).map((r) => [
      r._id,
      { receptions: r.receptions, concerns: r.concerns },
    ]),
  );
}

const stationSpan = (workstationId: string, from: string, to: string) =>
  receptions().where({ workstationId, date: _.and(_.gte(from), _.lte(to)) });

/** A station's receptions on China dates from `from` to `to`: the receptions export. */
export async function countStationReceptions(workstationId: string, from: string, to: string): Promise<number> {
  return (await stationSpan(workstationId, from, to).count()).total as number;
}

/** Receptions `skip` to `skip + limit` of that span, by date and time recorded. */
export async function stationReceptions(
  workstationId: string,
  from: string,
  to: string,
  skip: number,
  limit: number,
): Promise<Reception[]> {
  const { data } = await stationSpan(workstationId, from, to)
    .orderBy('date', 'asc')
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(limit)
    .get();
  return data as Reception[];
}
