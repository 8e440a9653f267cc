import { DEFAULT_LIAISON_QUOTA, type LiaisonQuota } from '@lxq/types';
import { _, db } from '../cloud';

export interface QuotaDoc extends LiaisonQuota {
  _id: string;
  updatedAt: Date;
  updatedBy: string;
}

const quotas = () => db.collection('liaison_quotas');

/** The quota of the nearest unit on the path (the unit itself, else its parent …) that set one. */
export async function quotaFor(unitPath: string[]): Promise<{ quota: LiaisonQuota; unitId: string | null }> {
  if (!unitPath.length) return { quota: DEFAULT_LIAISON_QUOTA, unitId: null };
  const { data } = await quotas()
    .where({ _id: _.in(unitPath) })
    .limit(unitPath.length)
    .get();
  return nearestQuota(unitPath, data as QuotaDoc[]);
}

/** The quota documents of these units (only units that set one have one). */
export async function quotaDocs(unitIds: string[]): Promise<QuotaDoc[]> {
  const unique = [...new Set(unitIds)];
  if (!unique.length) return [];
  const { data } = await quotas()
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return data as QuotaDoc[];
}

/** Of the quota documents of units on the path, the nearest one's; else the default. */
export function nearestQuota(unitPath: string[], docs: QuotaDoc[]): { quota: LiaisonQuota; unitId: string | null } {
  const byUnit = new Map(docs.map((d) => [d._id, d]));
  for (let i = unitPath.length - 1; i >= 0; i--) {
    const doc = byUnit.get(unitPath[i]);
    if (doc) {
      return {
        quota: { activitiesPerQuarter: doc.activitiesPerQuarter, personTimesPerYear: doc.personTimesPerYear },
        unitId: doc._id,
      };
    }
  }
  return { quota: DEFAULT_LIAISON_QUOTA, unitId: null };
}

export async function saveQuota(unitId: string, quota: LiaisonQuota, at: Date, by: string): Promise<void> {
  await quotas()
    .doc(unitId)
    .set({ data: { ...quota, updatedAt: at, updatedBy: by } });
}
