import type { OrgUnit } from '@lxq/types';
import { _, db } from '../cloud';
import { notFound } from '../errors';

const units = () => db.collection('org_units');

export async function getUnit(id: string): Promise<OrgUnit> {
  const { data } = await units().where({ _id: id }).limit(1).get();
  if (!data[0]) throw notFound('所选单位不存在');
  return data[0] as OrgUnit;
}

/** The unit and every unit below it. */
export async function listSubtree(rootId: string): Promise<OrgUnit[]> {
  const { data } = await units().where({ path: rootId }).orderBy('path', 'asc').limit(1000).get();
  return data as OrgUnit[];
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
