import type { ConcernCounter, ConcernLimits, YearDays } from '@lxq/types';
import { _, db } from '../cloud';
import type { Delta } from '../concerns/counters';
import { nextBumpTag } from '../resume';

const counters = () => db.collection('concern_counters');

const incs = (delta: Delta) => Object.fromEntries(Object.entries(delta).map(([k, v]) => [k, _.inc(v)]));

export async function getBucket(id: string): Promise<ConcernCounter | null> {
  const { data } = await counters().where({ _id: id }).limit(1).get();
  return (data[0] as ConcernCounter) ?? null;
}

/**
 * Adds a delta to a bucket. Inside a request the increment carries the request's tag and the
 * bucket keeps the last tags: a resumed request repeating it changes nothing (resume.ts).
 */
export async function bump(id: string, delta: Delta): Promise<void> {
  if (Object.keys(delta).length === 0) return;
  const tag = nextBumpTag();
  if (!tag) {
    await counters()
      .where({ _id: id })
      .update({ data: incs(delta) });
    return;
  }
  await counters()
    .where({ _id: id, bumps: _.neq(tag) })
    .update({ data: { ...incs(delta), bumps: _.push({ each: [tag], slice: -BUMP_TAGS_KEPT }) } });
}

/** Far more than the increments of the requests that can be resuming at once on one bucket. */
const BUMP_TAGS_KEPT = 200;

export async function insertBucket(b: ConcernCounter): Promise<void> {
  const { _id, ...rest } = b;
  await counters().add({ data: { _id, ...rest } });
}

/** Every bucket in a unit's subtree: a few per unit, never the concerns themselves. */
export async function bucketsInSubtree(unitId: string): Promise<ConcernCounter[]> {
  const out: ConcernCounter[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await counters().where({ unitPath: unitId }).skip(skip).limit(1000).get();
    out.push(...(data as ConcernCounter[]));
    if (data.length < 1000) return out;
  }
}

/** Copies a unit's limits onto its buckets, where submissions read them. */
export async function setLimits(unitId: string, limits: ConcernLimits): Promise<void> {
  await counters()
    .where({ unitId })
    .update({ data: { limits: _.set(limits) } });
}

/** Copies a list of concern categories onto the buckets of these units (admin.saveUnitLists). */
export async function setCategories(unitIds: string[], categories: string[]): Promise<void> {
  for (let i = 0; i < unitIds.length; i += 100) {
    await counters()
      .where({ unitId: _.in(unitIds.slice(i, i + 100)) })
      .update({ data: { categories: _.set(categories) } });
  }
}

/** Every bucket (a few per unit), for the weekly digest. */
export async function allBuckets(): Promise<ConcernCounter[]> {
  const out: ConcernCounter[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await counters().orderBy('unitId', 'asc').skip(skip).limit(1000).get();
    out.push(...(data as ConcernCounter[]));
    if (data.length < 1000) return out;
  }
}

/**
 * Copies the entered calendar years onto every bucket (by top unit, a few updates), where
 * submissions count working days from. Setting them whole makes a second run change nothing.
 */
export async function setBucketCalendars(rootUnitIds: string[], years: Record<string, YearDays>): Promise<void> {
  const data = Object.fromEntries(Object.entries(years).map(([y, days]) => [`calendar.${y}`, _.set(days)]));
  if (!Object.keys(data).length) return;
  for (const root of rootUnitIds) await counters().where({ unitPath: root }).update({ data });
}
