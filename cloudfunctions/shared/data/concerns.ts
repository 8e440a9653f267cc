import { OVERDUE_COUNT_CAP, type Concern, type ConcernStatus } from '@lxq/types';
import { $, _, db } from '../cloud';
import { pageOf } from './page';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no useful types */

const concerns = () => db.collection('concerns');

export async function insertConcern(c: Concern): Promise<void> {
  const { _id, ...rest } = c;
  await concerns().add({ data: { _id, ...rest } });
}

export async function getConcern(id: string): Promise<Concern | null> {
  const { data } = await concerns().where({ _id: id }).limit(1).get();
  return (data[0] as Concern) ?? null;
}

export async function getConcernsByIds(ids: string[]): Promise<Map<string, Concern>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (!unique.length) return new Map();
  const { data } = await concerns()
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return new Map((data as Concern[]).map((c) => [c._id, c]));
}

/** What a change writes: plain fields, plus events appended to the timeline / notes / links. */
export interface ConcernChange {
  set?: Record<string, unknown>;
  push?: { timeline?: unknown[]; notes?: unknown[]; links?: unknown[] };
  inc?: Record<string, number>;
}

/**
 * Applies a change only while the concern still matches `where` (its status, and whatever else
 * the action requires): one round trip that both checks and writes, so two concurrent changes
 * cannot both pass. Answers whether it applied.
 */
export async function changeWhere(id: string, where: Record<string, unknown>, change: ConcernChange) {
  const data: Record<string, unknown> = { ...(change.set ?? {}) };
  for (const [field, items] of Object.entries(change.push ?? {})) if (items?.length) data[field] = _.push(items);
  for (const [field, n] of Object.entries(change.inc ?? {})) data[field] = _.inc(n);
  const res = await concerns()
    .where({ ...where, _id: id })
    .update({ data });
  return res.stats.updated === 1;
}

export async function pageBySubmitter(openid: string, page: number, pageSize: number) {
  return pageOf<Concern>(concerns().where({ submitterOpenid: openid }), ['createdAt', 'desc'], page, pageSize);
}

export interface StaffFilters {
  status?: ConcernStatus;
  overdue?: boolean;
  category?: string;
  workstationId?: string;
  sectorId?: string;
  from?: Date;
  to?: Date;
  /** Words of the title: narrows whatever index the other filters chose. */
  q?: string;
  /** Oldest first ('createdAt') or newest first ('-createdAt', the default); overdue lists keep the nearest deadline first. */
  sort?: 'createdAt' | '-createdAt';
}

/**
 * One page of the staff queue in a unit's subtree. The query leads with the most selective
 * filter that has an index (shared/collections/); the others narrow it further.
 */
export async function pageForStaff(
  unitId: string,
  f: StaffFilters,
  now: Date,
  page: number,
  pageSize: number,
  withTotal: boolean,
) {
  const where: Record<string, any> = { unitPath: unitId };
  if (f.workstationId) where.workstationId = f.workstationId;
  if (f.status) where.status = f.status;
  if (f.category) where.category = f.category;
  if (f.sectorId) where.sectorId = f.sectorId;
  if (f.q) where.title = db.RegExp({ regexp: f.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
  if (f.from || f.to) {
    const range = [f.from && _.gte(f.from), f.to && _.lt(f.to)].filter(Boolean);
    where.createdAt = range.length === 2 ? range[0].and(range[1]) : range[0];
  }
  // Overdue: a running deadline already past (answered concerns have none).
  if (f.overdue) where.dueAt = _.lt(now);
  const query = concerns().where(where);
  // Every index the filters use ends in createdAt, so either direction is served by it.
  const order: [string, 'asc' | 'desc'] = f.overdue
    ? ['dueAt', 'asc']
    : ['createdAt', f.sort === 'createdAt' ? 'asc' : 'desc'];
  if (withTotal) return pageOf<Concern>(query, order, page, pageSize);
  const { data } = await query
    .orderBy(order[0], order[1])
    .skip((page - 1) * pageSize)
    .limit(pageSize)
    .get();
  return { items: data as Concern[], total: -1 };
}

/**
 * Overdue concerns in the subtree, counted up to OVERDUE_COUNT_CAP ("99+" beyond): ids only, off
 * the unit_path_due index, so the cost stays flat however many are late.
 */
export async function countOverdue(unitId: string, now: Date): Promise<number> {
  const { data } = await concerns()
    .where({ unitPath: unitId, dueAt: _.lt(now) })
    .field({ _id: true })
    .limit(OVERDUE_COUNT_CAP)
    .get();
  return data.length;
}

/** The submitter opened their concern: "有新进展" is seen. */
export async function markSeenBySubmitter(id: string): Promise<void> {
  await concerns()
    .where({ _id: id, submitterUnread: true })
    .update({ data: { submitterUnread: false } });
}

/** Concerns assigned to a member: in hand, or (done) already answered. */
export async function pageAssigned(openid: string, done: boolean, page: number, pageSize: number) {
  const statuses: ConcernStatus[] = done ? ['replied', 'closed'] : ['assigned', 'in_progress'];
  return pageOf<Concern>(
    concerns().where({ assigneeOpenid: openid, status: _.in(statuses) }),
    ['updatedAt', 'desc'],
    page,
    pageSize,
  );
}

/** Recent concerns of a category in the subtree, newest first: duplicate candidates. */
export async function recentInCategory(unitId: string, category: string, since: Date, limit: number) {
  const { data } = await concerns()
    .where({ unitPath: unitId, category, createdAt: _.gte(since) })
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .get();
  return data as Concern[];
}

export async function recentInUnit(unitId: string, since: Date, limit: number) {
  const { data } = await concerns()
    .where({ unitPath: unitId, createdAt: _.gte(since) })
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .get();
  return data as Concern[];
}

/** Overdue concerns with the same handler: the assignee while in their hands, else the unit. */
export interface OverdueGroup {
  assignee: string | null;
  unitPath: string[];
  count: number;
  /** The title of the one most overdue, for the reminder's text. */
  title: string;
}

/**
 * Open concerns whose deadline has passed, everywhere, grouped by who handles them (for the daily
 * timer): the database does the counting, the function gets the groups.
 */
export async function overdueGroups(now: Date): Promise<OverdueGroup[]> {
  const inHand = $.in(['$status', ['assigned', 'in_progress']]);
  const { list } = await concerns()
    .aggregate()
    .match({ dueAt: _.lt(now) })
    .sort({ dueAt: 1 })
    .group({
      _id: { assignee: $.cond([inHand, $.ifNull(['$assigneeOpenid', null]), null]), unitId: '$unitId' },
      unitPath: $.first('$unitPath'),
      count: $.sum(1),
      title: $.first('$title'),
    })
    .limit(10_000)
    .end();
  return (list as { _id: { assignee: string | null }; unitPath: string[]; count: number; title: string }[]).map(
    (g) => ({ assignee: g._id.assignee, unitPath: g.unitPath, count: g.count, title: g.title }),
  );
}

/** Conditions for changeWhere() that plain equality cannot say. */
export const cond = {
  notEqual: (v: unknown) => _.neq(v),
  atLeast: (v: unknown) => _.gte(v),
};

/** Open cases (交办 or 办理中) per assigned member in the subtree: member user id → count. */
export async function openCasesByMember(unitId: string): Promise<Map<string, number>> {
  const { data } = await concerns()
    .where({ unitPath: unitId, status: _.in(['assigned', 'in_progress']) })
    .field({ assignee: true })
    .limit(1000)
    .get();
  const out = new Map<string, number>();
  for (const c of data as Pick<Concern, 'assignee'>[]) {
    if (c.assignee?.kind === 'member') out.set(c.assignee.id, (out.get(c.assignee.id) ?? 0) + 1);
  }
  return out;
}

/** The concern whose photo an image check is about (served by media_trace). */
export async function concernOfMediaCheck(traceId: string): Promise<Concern | null> {
  const { data } = await concerns().where({ 'mediaChecks.traceId': traceId }).limit(1).get();
  return (data[0] as Concern) ?? null;
}

/** Hides a flagged photo and puts the concern before staff, with a note on its timeline. */
export async function hideConcernPhoto(id: string, fileID: string, note: unknown): Promise<void> {
  await concerns()
    .where({ _id: id })
    .update({ data: { hiddenPhotos: _.addToSet(fileID), needsReview: true, timeline: _.push([note]) } });
}

/**
 * What a consultation topic these concerns fed has come to (its results so far), shown on each
 * concern to its submitter with 有新进展: one update for all of them, whatever their number.
 */
export async function setTopicOutcome(ids: string[], topicId: string, outcome: unknown): Promise<number> {
  if (!ids.length) return 0;
  const res = await concerns()
    .where({ _id: _.in(ids) })
    .update({ data: { [`topicOutcomes.${topicId}`]: outcome, submitterUnread: true } });
  return res.stats.updated as number;
}

/** The latest concerns assigned to a member, any state (what a proposal may start from): one read, no count. */
export async function latestAssigned(openid: string, limit: number): Promise<Concern[]> {
  const { data } = await concerns().where({ assigneeOpenid: openid }).orderBy('updatedAt', 'desc').limit(limit).get();
  return data as Concern[];
}
