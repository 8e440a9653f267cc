import { DEFAULT_CONCERN_LIMITS, DEFAULT_RETENTION_YEARS, type ConcernLimits } from '@lxq/types';
import { _, db } from '../cloud';

/** Per-unit settings; `_id` is the unit id: the concern time limits and the retention period. */
export interface UnitSettings {
  _id: string;
  concernLimits: ConcernLimits;
  /** Years after closing that a concern keeps its personal data (absent: the default). */
  retentionYears?: number;
  /** The unit's name, so the privacy page can name it without reading units. */
  unitName?: string;
  updatedAt: Date;
  updatedBy: string;
}

const settings = () => db.collection('unit_settings');

async function getSettings(unitId: string): Promise<UnitSettings | undefined> {
  const { data } = await settings().where({ _id: unitId }).limit(1).get();
  return data[0] as UnitSettings | undefined;
}

export async function getConcernLimits(unitId: string): Promise<ConcernLimits> {
  return { ...DEFAULT_CONCERN_LIMITS, ...((await getSettings(unitId))?.concernLimits ?? {}) };
}

/** The unit's limits and retention, defaults filled in. */
export async function getUnitSettings(unitId: string): Promise<ConcernLimits & { retentionYears: number }> {
  const found = await getSettings(unitId);
  return {
    ...DEFAULT_CONCERN_LIMITS,
    ...(found?.concernLimits ?? {}),
    retentionYears: found?.retentionYears ?? DEFAULT_RETENTION_YEARS,
  };
}

export async function saveConcernLimits(
  unitId: string,
  limits: ConcernLimits,
  at: Date,
  by: string,
  extra: { retentionYears: number; unitName: string },
): Promise<void> {
  await settings()
    .doc(unitId)
    .set({ data: { concernLimits: limits, ...extra, updatedAt: at, updatedBy: by } });
}

/** The units whose retention differs from the default (one query, served by the retention index). */
export async function retentionExceptions(): Promise<{ unitName: string; years: number }[]> {
  const { data } = await settings()
    .where({ retentionYears: _.gt(0) })
    .limit(100)
    .get();
  return (data as UnitSettings[])
    .filter((s) => s.retentionYears !== DEFAULT_RETENTION_YEARS)
    .map((s) => ({ unitName: s.unitName ?? s._id, years: s.retentionYears! }));
}
