import type { AssessmentSettings } from '@lxq/types';
import { _, db } from '../cloud';
import { asFound, changeMark, createMark } from '../rewind';

const settings = () => db.collection('assessment_settings');

/** The weights of the nearest unit on the path that has set them (the unit's own first), or null. */
export async function nearestSettings(unitPath: string[]): Promise<AssessmentSettings | null> {
  const { data } = await settings()
    .where({ _id: _.in(unitPath) })
    .limit(unitPath.length)
    .get();
  // A retried save that died after storing sees the weights as that save found them (rewind.ts).
  const byId = new Map(
    (data as AssessmentSettings[])
      .map((d) => asFound(d).found)
      .filter((d): d is AssessmentSettings => !!d)
      .map((d) => [d._id, d]),
  );
  for (let i = unitPath.length - 1; i >= 0; i--) {
    const found = byId.get(unitPath[i]);
    if (found) return found;
  }
  return null;
}

/** Replaces the unit's weights (the same weights saved twice store the same document). */
export async function saveSettings(doc: AssessmentSettings, own: AssessmentSettings | null): Promise<void> {
  const { _id, ...rest } = doc;
  // What it replaced rides along with the request's mark, so a retry audits what the first call found.
  const mark = own ? changeMark(own, rest) : createMark();
  await settings()
    .doc(_id)
    .set({ data: { ...rest, ...mark } });
}
