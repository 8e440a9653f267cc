import {
  DEFAULT_MAY_CONSULT,
  DEFAULT_MAY_NOT_CONSULT,
  type Topic,
  type TopicScreeningLists,
  type TopicSource,
  type TopicStep,
} from '@lxq/types';
import { _, db } from '../cloud';
import { orderOf, wordsLike } from './listing';
import { pageOf } from './page';
import { changeMark, rewound } from '../rewind';

const topics = () => db.collection('topics');
const settings = () => db.collection('topic_settings');

/** Stores a new one under the id it carries (from ctx.newId(), so a retry fails on it). */
export async function insertTopic(doc: Topic): Promise<void> {
  await topics().add({ data: doc });
}

export async function getTopic(id: string): Promise<Topic | null> {
  const { data } = await topics().where({ _id: id }).limit(1).get();
  return (data[0] as Topic) ?? null;
}

export interface TopicChange {
  set?: Record<string, unknown>;
  push?: Record<string, unknown[]>;
}

/**
 * Applies a change only while the topic is still at the step (and open, and whatever `where`
 * adds) the caller loaded it at: one round trip that checks and writes, so two people moving the
 * same topic cannot both pass. Answers whether it applied.
 */
export async function changeTopicWhere(id: string, where: Record<string, unknown>, change: TopicChange) {
  const data: Record<string, unknown> = { ...(change.set ?? {}) };
  for (const [field, items] of Object.entries(change.push ?? {})) if (items.length) data[field] = _.push(items);
  const res = await topics()
    .where({ ...where, _id: id })
    .update({ data });
  return res.stats.updated === 1;
}

export interface TopicFilters {
  step?: TopicStep;
  source?: TopicSource;
  q?: string;
  sort?: 'createdAt' | '-createdAt';
}

/** A page of the unit subtree's topics, newest first (unit_created index). */
export async function pageForUnit(unitId: string, f: TopicFilters, page: number, pageSize: number) {
  const where: Record<string, unknown> = { unitPath: unitId };
  if (f.step) where.step = f.step;
  if (f.source) where.source = f.source;
  if (f.q) where.title = wordsLike(f.q);
  return pageOf<Topic>(topics().where(where), orderOf(f.sort, 'createdAt'), page, pageSize);
}

/** The most topics a figure or an export reads; a narrower period gives more. */
export const PERIOD_CAP = 1000;

/** Topics of the subtree created in [from, to) (unit_created index), at most PERIOD_CAP. */
export async function topicsInPeriod(unitId: string, from: Date, to: Date): Promise<Topic[]> {
  const { data } = await topics()
    .where({ unitPath: unitId, createdAt: _.gte(from).and(_.lt(to)) })
    .orderBy('createdAt', 'desc')
    .limit(PERIOD_CAP)
    .get();
  return data as Topic[];
}

/**
 * Open topics being followed up with an item past due by `now` and not yet reminded on `today` (a
 * China date), oldest due first (step_due index), without those in `skip`: marking each reminded
 * takes it off the next page, so a run that stopped part-way is taken up where it stopped.
 */
export async function overdueTopicsToRemind(now: Date, today: string, limit: number, skip: string[] = []) {
  const { data } = await topics()
    .where({
      step: 'implement',
      nextDueAt: _.lte(now),
      closedAt: null,
      remindedOn: _.neq(today),
      ...(skip.length ? { _id: _.nin(skip) } : {}),
    })
    .orderBy('nextDueAt', 'asc')
    .limit(limit)
    .get();
  return data as Topic[];
}

export async function markTopicsReminded(ids: string[], today: string): Promise<void> {
  if (ids.length)
    await topics()
      .where({ _id: _.in(ids) })
      .update({ data: { remindedOn: today } });
}

/** A workstation's published topics, newest first (station_published index). */
export async function publishedAtStation(workstationId: string, limit = 20): Promise<Topic[]> {
  const { data } = await topics()
    .where({ workstationIds: workstationId, publishedAt: _.gt(new Date(0)) })
    .orderBy('publishedAt', 'desc')
    .limit(limit)
    .field({ title: true, step: true, closedAt: true, publishedAt: true })
    .get();
  return data as Topic[];
}

/** The unit's may / may-not lists, or the defaults (seed 002's 10 and 7) when it has none. */
export async function getScreeningLists(unitId: string): Promise<TopicScreeningLists & { custom: boolean }> {
  const { data } = await settings().where({ _id: unitId }).limit(1).get();
  const found = data[0] as (TopicScreeningLists & { _id: string }) | undefined;
  // A retry of a save that died after it sees the lists that save replaced (rewind.ts).
  if (found) {
    const { may, mayNot, custom } = rewound({ ...found, custom: true } as TopicScreeningLists & { custom: boolean });
    return { may, mayNot, custom };
  }
  return { may: [...DEFAULT_MAY_CONSULT], mayNot: [...DEFAULT_MAY_NOT_CONSULT], custom: false };
}

/** Replaces the unit's lists; `before` is what they were (kept with the request's mark). */
export async function saveScreeningLists(
  unitId: string,
  lists: TopicScreeningLists,
  at: Date,
  by: string,
  before: TopicScreeningLists & { custom: boolean },
) {
  const mark = changeMark(before, { may: lists.may, mayNot: lists.mayNot, custom: true });
  await settings()
    .doc(unitId)
    .set({ data: { ...lists, updatedAt: at, updatedBy: by, ...mark } });
}

/** The 一类事 suggestions a unit's staff dismissed, by key (unit index). */
export async function dismissedClusters(unitId: string): Promise<Set<string>> {
  const { data } = await db.collection('topic_dismissals').where({ unitId }).limit(1000).get();
  return new Set((data as { key: string }[]).map((d) => d.key));
}

export async function dismissCluster(unitId: string, key: string, at: Date, by: string): Promise<void> {
  await db.collection('topic_dismissals').doc(`${unitId}:${key}`).set({ data: { unitId, key, at, by } });
}
