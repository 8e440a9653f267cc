import type { HandlingUnit, Proposal } from '@lxq/types';
import { getHandlingUnits } from '../../shared/data/proposals';
import { invalid } from '../../shared/errors';

/** Handling units named in an input: each must be one the proposal's committee body hands work to. */
export async function departmentsFor(p: Proposal, ids: string[], field: string): Promise<HandlingUnit[]> {
  const found = await getHandlingUnits([...new Set(ids)]);
  const ok = found.filter((h) => p.unitPath.includes(h.unitId));
  if (ok.length !== new Set(ids).size) throw invalid({ [field]: '承办单位不存在或不属于本级政协' });
  return ids.map((id) => ok.find((h) => h._id === id)!);
}
