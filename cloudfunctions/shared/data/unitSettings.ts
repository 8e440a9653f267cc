import { DEFAULT_CONCERN_LIMITS, type ConcernLimits } from '@lxq/types';
import { db } from '../cloud';

/** Per-unit settings; `_id` is the unit id. Only the concern time limits so far. */
export interface UnitSettings {
  _id: string;
  concernLimits: ConcernLimits;
  updatedAt: Date;
  updatedBy: string;
}

const settings = () => db.collection('unit_settings');

export async function getConcernLimits(unitId: string): Promise<ConcernLimits> {
  const { data } = await settings().where({ _id: unitId }).limit(1).get();
  return { ...DEFAULT_CONCERN_LIMITS, ...((data[0] as UnitSettings | undefined)?.concernLimits ?? {}) };
}

export async function saveConcernLimits(unitId: string, limits: ConcernLimits, at: Date, by: string): Promise<void> {
  await settings()
    .doc(unitId)
    .set({ data: { concernLimits: limits, updatedAt: at, updatedBy: by } });
}
