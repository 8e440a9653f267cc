import type { Workstation } from '@lxq/types';
import { _, db } from '../cloud';
import { changeMark, rewound } from '../rewind';
import { orderOf, wordsLike } from './listing';
import { pageOf } from './page';
import { notFound } from '../errors';

const workstations = () => db.collection('workstations');

export async function getWorkstation(by: { id?: string; scene?: string }): Promise<Workstation> {
  const query = by.id ? { _id: by.id } : { scene: by.scene };
  const { data } = await workstations().where(query).limit(1).get();
  if (!data[0]) throw notFound('没有找到这个工作站，请重新扫码或从首页选择');
  // To a retry of a call that changed it before dying, as that call found it (rewind.ts).
  return rewound(data[0] as Workstation);
}

/** A subtree's stations (or all), A→Z by name unless the table asks another order; `q` words of the name. */
export async function pageWorkstations(
  unitId: string | undefined,
  page: number,
  pageSize: number,
  f: { q?: string; sort?: 'name' | '-name' } = {},
) {
  const cond = { ...(unitId ? { unitPath: unitId } : {}), ...(f.q ? { name: wordsLike(f.q) } : {}) };
  const where = Object.keys(cond).length ? workstations().where(cond) : workstations();
  const order: [string, 'asc' | 'desc'] = f.sort ? orderOf(f.sort, 'name') : ['name', 'asc'];
  return pageOf<Workstation>(where, order, page, pageSize);
}

export async function insertWorkstation(w: Workstation): Promise<void> {
  const { _id, ...rest } = w;
  await workstations().add({ data: { _id, ...rest } });
}

/** `before`, the station as the caller found it, rides along with the request's mark (rewind.ts). */
export async function updateWorkstation(id: string, patch: Partial<Workstation>, before?: Workstation): Promise<void> {
  await workstations()
    .doc(id)
    .update({ data: before ? { ...patch, ...changeMark(before, patch) } : patch });
}

/** Stations in a latitude band (the near-me prefilter), at most 500. */
export async function workstationsInLatBand(minLat: number, maxLat: number): Promise<Workstation[]> {
  const { data } = await workstations()
    .where({ 'location.lat': _.and(_.gte(minLat), _.lte(maxLat)) })
    .limit(500)
    .get();
  return data as Workstation[];
}

/** Workstations by id (a committee's links): one read. */
export async function getWorkstationsByIds(ids: string[]): Promise<Workstation[]> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (!unique.length) return [];
  const { data } = await workstations()
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return data as Workstation[];
}

/** Workstations by id, by id (a topic's places). */
export async function workstationsByIds(ids: string[]): Promise<Map<string, Workstation>> {
  return new Map((await getWorkstationsByIds(ids)).map((w) => [w._id, w]));
}
