import type { OrgUnit } from '@lxq/types';
import { _, db } from '../cloud';
import { changeMark, rewound } from '../rewind';
import { notFound } from '../errors';

const units = () => db.collection('org_units');

export async function getUnit(id: string): Promise<OrgUnit> {
  // To a retry of a call that changed it before dying, as that call found it (rewind.ts).
  return rewound(await getStoredUnit(id));
}

/** The unit as stored now: for work that reads back what its own call just changed (a move's re-pathing). */
export async function getStoredUnit(id: string): Promise<OrgUnit> {
  const { data } = await units().where({ _id: id }).limit(1).get();
  if (!data[0]) throw notFound('所选单位不存在');
  return data[0] as OrgUnit;
}

/** The unit and every unit below it. */
export async function listSubtree(rootId: string): Promise<OrgUnit[]> {
  const { data } = await units().where({ path: rootId }).orderBy('path', 'asc').limit(1000).get();
  return (data as OrgUnit[]).map((u) => rewound(u));
}

/** The top units (no parent): every unit lies in one of their subtrees. */
export async function listRootUnits(): Promise<OrgUnit[]> {
  const { data } = await units().where({ parentId: null }).limit(100).get();
  return data as OrgUnit[];
}

export async function getUnitsByIds(ids: string[]): Promise<Map<string, OrgUnit>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (!unique.length) return new Map();
  const { data } = await units()
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return new Map((data as OrgUnit[]).map((u) => [u._id, u]));
}

/* Admin console (issue 17): the tree's changes. */

export async function insertUnit(unit: OrgUnit): Promise<void> {
  const { _id, ...rest } = unit;
  await units().add({ data: { _id, ...rest } });
}

/** Changes a unit as the caller found it (`before`): what the patch replaces rides along with the request's mark. */
export async function updateUnit(before: OrgUnit, patch: Partial<OrgUnit>): Promise<void> {
  await units()
    .doc(before._id)
    .update({ data: { ...patch, ...changeMark(before, patch) } });
}

/** Marks a subtree retired in one write (every unit whose path holds the root). */
export async function retireSubtree(rootId: string, at: Date): Promise<number> {
  const res = await units()
    .where({ path: rootId, retiredAt: _.exists(false) })
    .update({ data: { retiredAt: at, ...changeMark({}, { retiredAt: at }) } });
  return res.stats.updated as number;
}
