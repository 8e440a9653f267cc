/**
 * 社情民意信息 storage. Every status change is an update guarded by the status (and desk) the
 * caller saw, so two people deciding at once cannot both pass; a retry finds the status moved on.
 */
import type { Concern, LiaisonRecord, Report, ReportLinkOnConcern, ReportStatus, User } from '@lxq/types';
import { $, _, db } from '../cloud';
import { requestMark } from '../resume';
import { inChina } from '../time';
import { orderOf, wordsLike } from './listing';
import { pageOf } from './page';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no useful types */

const reports = () => db.collection('reports');

/** Stores a new one under the id it carries (from ctx.newId(), so a retry fails on it). */
export async function insertReport(doc: Report): Promise<void> {
  await reports().add({ data: doc });
}

export async function getReport(id: string): Promise<Report | null> {
  const { data } = await reports().where({ _id: id }).limit(1).get();
  return (data[0] as Report) ?? null;
}

export interface ReportChange {
  set?: Record<string, unknown>;
  push?: { decisions?: unknown[]; instructions?: unknown[] };
}

/** Applies the change only while the report is still as the caller saw it; answers whether it applied. */
export async function changeReportWhere(id: string, where: Record<string, unknown>, change: ReportChange) {
  const data: Record<string, unknown> = { ...(change.set ?? {}) };
  for (const [field, items] of Object.entries(change.push ?? {})) if (items?.length) data[field] = _.push(items);
  const res = await reports()
    .where({ ...where, _id: id })
    .update({ data });
  return res.stats.updated === 1;
}

export async function pageOfAuthor(openid: string, page: number, pageSize: number) {
  return pageOf<Report>(reports().where({ authorOpenid: openid }), ['updatedAt', 'desc'], page, pageSize);
}

export interface ReportFilter {
  box: 'pending' | 'all';
  status?: ReportStatus;
  year?: number;
  q?: string;
}

/** The staff list: awaiting this desk (atUnitId, status), or everything from the subtree. */
function staffWhere(unitId: string, f: ReportFilter) {
  const words = f.q ? { title: wordsLike(f.q) } : {};
  if (f.box === 'pending') return { atUnitId: unitId, status: 'submitted', ...words };
  const where: Record<string, unknown> = { unitPath: unitId, ...words };
  if (f.year) where.year = f.year;
  if (f.status) where.status = f.status;
  return where;
}

export async function pageForStaff(
  unitId: string,
  f: ReportFilter & { sort?: 'updatedAt' | '-updatedAt' },
  page: number,
  pageSize: number,
) {
  return pageOf<Report>(reports().where(staffWhere(unitId, f)), orderOf(f.sort, 'updatedAt'), page, pageSize);
}

/** Up to `limit` (≤ 1000) filtered reports from `skip`: the export reads in chunks. */
export async function chunkForStaff(unitId: string, f: ReportFilter, skip: number, limit: number) {
  const { data } = await reports()
    .where(staffWhere(unitId, f))
    .orderBy('updatedAt', 'desc')
    .skip(skip)
    .limit(limit)
    .get();
  return data as Report[];
}

/** Reports of one year in a unit's subtree, counted per author, sector and unit in one aggregate. */
export interface ReportCountRow {
  authorId: string;
  authorName: string;
  sectorId: string | null;
  unitId: string;
  submitted: number;
  adopted: number;
  county: number;
  city: number;
  province: number;
  national: number;
  instructed: number;
}

/**
 * The most authors one subtree-wide count groups (the staff figures); LXQ_REPORT_COUNT_MAX_AUTHORS
 * lowers it so a test can reach it without seeding thousands.
 */
const maxAuthors = () => Number(process.env.LXQ_REPORT_COUNT_MAX_AUTHORS) || 5000;

/**
 * Per author (member or staff) of a unit's subtree, in a China year: submitted, adopted (at any
 * level and per level) and with 批示. The assessment domain counts a member's reports with this,
 * narrowed to a quarter by the first submission (`within`, reports.unit_path_year_submitted) and
 * to the members it asks about (`authorIds`): a province has more authors than one answer's group
 * limit, so it asks chunk by chunk and no author past the limit is dropped.
 */
export async function reportCountsByAuthor(
  unitId: string,
  year: number,
  within?: { start: Date; end: Date },
  authorIds?: string[],
): Promise<ReportCountRow[]> {
  if (authorIds && !authorIds.length) return [];
  const has = (level: string) => $.cond([$.in([level, '$adoptedLevels']), 1, 0]);
  const when = within ? { submittedAt: _.gte(within.start).and(_.lt(within.end)) } : {};
  const only = authorIds ? { authorId: _.in(authorIds) } : {};
  const { list } = await reports()
    .aggregate()
    .match({ unitPath: unitId, year, ...when, ...only })
    .group({
      _id: '$authorId',
      authorName: $.first('$authorName'),
      sectorId: $.first('$sectorId'),
      unitId: $.first('$unitId'),
      submitted: $.sum(1),
      adopted: $.sum($.cond([$.gt([$.size('$adoptedLevels'), 0]), 1, 0])),
      county: $.sum(has('county')),
      city: $.sum(has('city')),
      province: $.sum(has('province')),
      national: $.sum(has('national')),
      instructed: $.sum($.cond([$.gt([$.size('$instructions'), 0]), 1, 0])),
    })
    // One group per asked author at most: their number is the limit, whatever the subtree's size.
    .limit(authorIds ? authorIds.length : maxAuthors())
    .end();
  return (list as any[]).map(({ _id, ...r }) => ({ authorId: _id, ...r }));
}

/** The China year of an instant (reports count in the year they were first submitted). */
export const chinaYear = (d: Date) => inChina(d).year();

/** Marks the report on the concerns it came from: what their submitters may see, and the 有新进展 flag. */
export async function markOnConcerns(
  concernIds: string[],
  reportId: string,
  link: ReportLinkOnConcern,
  event: { at: Date; by: string; byName: string; note: string } | null,
): Promise<number> {
  if (!concernIds.length) return 0;
  // The link carries the request's mark: a retry of a call that died after this write changes
  // nothing again (no second timeline event), and answers that it reached none.
  const mark = requestMark();
  const data: Record<string, unknown> = { [`reportLinks.${reportId}`]: { ...link, ...(mark ? { mark } : {}) } };
  if (event) {
    data.submitterUnread = true;
    data.timeline = _.push([{ ...event, action: 'link' }]);
  }
  const res = await db
    .collection('concerns')
    .where({ _id: _.in(concernIds), ...(mark ? { [`reportLinks.${reportId}.mark`]: _.neq(mark) } : {}) })
    .update({ data });
  return res.stats.updated as number;
}

/** The liaison records a draft names, by id (served by _id). */
export async function getRecordsByIds(ids: string[]): Promise<LiaisonRecord[]> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (!unique.length) return [];
  const { data } = await db
    .collection('liaison_records')
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return data as LiaisonRecord[];
}

/** What a member or staff may draft from: the newest concerns and records they may see. */
export async function recentSources(
  who: { openid: string; memberId: string | null; scopeUnitId: string | null },
  limit: number,
): Promise<{ concerns: Concern[]; records: LiaisonRecord[] }> {
  const concerns = db.collection('concerns');
  const records = db.collection('liaison_records');
  const pick = { _id: true, title: true, status: true, createdAt: true, unitPath: true, assigneeOpenid: true };
  const [mine, scoped, own, inScope] = await Promise.all([
    concerns.where({ assigneeOpenid: who.openid }).orderBy('updatedAt', 'desc').limit(limit).field(pick).get(),
    who.scopeUnitId
      ? concerns.where({ unitPath: who.scopeUnitId }).orderBy('createdAt', 'desc').limit(limit).field(pick).get()
      : { data: [] },
    who.memberId ? records.where({ memberId: who.memberId }).orderBy('date', 'desc').limit(limit).get() : { data: [] },
    who.scopeUnitId
      ? records.where({ unitPath: who.scopeUnitId }).orderBy('date', 'desc').limit(limit).get()
      : { data: [] },
  ]);
  const unique = <T extends { _id: string }>(xs: T[]) => [...new Map(xs.map((x) => [x._id, x])).values()];
  return {
    concerns: unique([...(mine.data as Concern[]), ...(scoped.data as Concern[])]),
    records: unique([...(own.data as LiaisonRecord[]), ...(inScope.data as LiaisonRecord[])]),
  };
}

/**
 * The liaison records a draft names, each with its member's user document joined (by _id), in one
 * round trip: when they are the caller's own records, that member is the author and the caller
 * needs no look-up of their own.
 */
export async function getRecordsWithMembers(ids: string[]): Promise<(LiaisonRecord & { member: User | null })[]> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (!unique.length) return [];
  const { list } = await db
    .collection('liaison_records')
    .aggregate()
    .match({ _id: _.in(unique) })
    .lookup({ from: 'users', localField: 'memberId', foreignField: '_id', as: 'members' })
    .limit(unique.length)
    .end();
  return (list as (LiaisonRecord & { members: User[] })[]).map(({ members, ...r }) => ({
    ...r,
    member: members[0] ?? null,
  }));
}

/** The author's newest reports, for a proposal to start from (author_updated). */
export async function latestOfAuthor(openid: string, limit: number): Promise<Pick<Report, '_id' | 'title'>[]> {
  const { data } = await reports()
    .where({ authorOpenid: openid })
    .orderBy('updatedAt', 'desc')
    .limit(limit)
    .field({ _id: true, title: true })
    .get();
  return data as Pick<Report, '_id' | 'title'>[];
}

/** Reports by id (served by _id). */
export async function getReportsByIds(ids: string[]): Promise<Report[]> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (!unique.length) return [];
  const { data } = await reports()
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return data as Report[];
}

/** The proposal drafted from these reports, kept on each under its id (so a retry sets it once). */
export async function linkProposalOnReports(ids: string[], proposalId: string, link: { title: string; at: Date }) {
  if (!ids.length) return;
  await reports()
    .where({ _id: _.in(ids) })
    .update({ data: { [`proposalLinks.${proposalId}`]: link } });
}

/** Reports drafted from any of these liaison records, once submitted (a draft is its author's alone). */
export async function submittedFromRecords(recordIds: string[]) {
  const unique = [...new Set(recordIds)].filter(Boolean);
  if (!unique.length) return [];
  const { data } = await reports()
    .where({ liaisonIds: _.in(unique) })
    .field({ _id: true, title: true, status: true, liaisonIds: true })
    .limit(1000)
    .get();
  return (data as Pick<Report, '_id' | 'title' | 'status' | 'liaisonIds'>[]).filter((r) => r.status !== 'draft');
}
