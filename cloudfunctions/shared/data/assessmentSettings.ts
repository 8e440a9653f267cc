import type { AssessmentSettings } from '@lxq/types';
import { _, db } from '../cloud';

const settings = () => db.collection('assessment_settings');

/** The weights of the nearest unit on the path that has set them (the unit's own first), or null. */
export async function nearestSettings(unitPath: string[]): Promise<AssessmentSettings | null> {
  const { data } = await settings()
    .where({ _id: _.in(unitPath) })
    .limit(unitPath.length)
    .get();
  const byId = new Map((data as AssessmentSettings[]).map((d) => [d._id, d]));
  for (let i = unitPath.length - 1; i >= 0; i--) {
    const found = byId.get(unitPath[i]);
    if (found) return found;
  }
  return null;
}

/** Replaces the unit's weights (the same weights saved twice store the same document). */
export async function saveSettings(doc: AssessmentSettings): Promise<void> {
  const { _id, ...rest } = doc;
  await settings().doc(_id).set({ data: rest });
}
