import type { LiaisonChannel, LiaisonRecord } from '@lxq/types';
import { $, _, db } from '../cloud';
import { ZONE } from '../time';
import { orderOf, wordsLike } from './listing';
import { pageOf } from './page';

const records = () => db.collection('liaison_records');

export async function insertRecord(record: LiaisonRecord): Promise<void> {
  await records().add({ data: record });
}

/** A member's latest records, only what the form's defaults need (served by member_date). */
export async function recentOfMember(
  memberId: string,
  limit: number,
): Promise<Pick<LiaisonRecord, 'place' | 'contactIds' | 'channel'>[]> {
  const { data } = await records()
    .where({ memberId })
    .orderBy('date', 'desc')
    .limit(limit)
    .field({ place: true, contactIds: true, channel: true })
    .get();
  return data;
}

export async function pageOfMember(memberId: string, pairingId: string | undefined, page: number, size: number) {
  const where = pairingId ? { memberId, pairingId } : { memberId };
  return pageOf<LiaisonRecord>(records().where(where), ['date', 'desc'], page, size);
}

export interface StaffFilter {
  memberId?: string;
  sectorId?: string;
  channel?: LiaisonChannel;
  occasion?: string;
  from?: Date;
  to?: Date;
  /** Words of the member's name or the place visited. */
  q?: string;
  sort?: 'date' | '-date';
}

/** The staff filter inside a unit's subtree; each filter has an index led by unitPath. */
function staffWhere(unitId: string, f: StaffFilter) {
  const where: Record<string, unknown> = { unitPath: unitId };
  if (f.memberId) where.memberId = f.memberId;
  if (f.sectorId) where.sectorId = f.sectorId;
  if (f.channel) where.channel = f.channel;
  if (f.occasion) where.occasion = f.occasion;
  if (f.from && f.to) where.date = _.gte(f.from).and(_.lt(f.to));
  else if (f.from) where.date = _.gte(f.from);
  else if (f.to) where.date = _.lt(f.to);
  if (!f.q) return where;
  // The words narrow what the filters' index chose; they never pick an index themselves.
  const like = wordsLike(f.q);
  return _.and([where, _.or([{ memberName: like }, { place: like }])]);
}

export async function pageForStaff(unitId: string, f: StaffFilter, page: number, size: number) {
  return pageOf<LiaisonRecord>(records().where(staffWhere(unitId, f)), orderOf(f.sort, 'date'), page, size);
}

/** Up to `limit` (≤ 1000) filtered records from `skip`, newest first: the export reads in chunks. */
export async function chunkForStaff(unitId: string, f: StaffFilter, skip: number, limit: number) {
  const { data } = await records().where(staffWhere(unitId, f)).orderBy('date', 'desc').skip(skip).limit(limit).get();
  return data as LiaisonRecord[];
}

/** One member's activities and person-times per China month in a span (≤ 12 rows). */
export async function monthlyTotals(memberId: string, start: Date, end: Date) {
  const { list } = await records()
    .aggregate()
    .match({ memberId, date: _.gte(start).and(_.lt(end)) })
    .group({
      _id: $.month({ date: '$date', timezone: ZONE }),
      activities: $.sum(1),
      personTimes: $.sum('$personTimes'),
    })
    .limit(12)
    .end();
  return list as { _id: number; activities: number; personTimes: number }[];
}

export interface MemberTotals {
  _id: string;
  yearActivities: number;
  yearPersonTimes: number;
  quarterActivities: number;
  quarterPersonTimes: number;
}

const inQuarter = (quarterStart: Date, then: unknown) =>
  $.sum($.cond({ if: $.gte(['$date', quarterStart]), then, else: 0 }));

/**
 * Totals per member from the year's start to the quarter's end, and within the quarter:
 * for the listed members (`memberId` in …) or for a whole unit subtree.
 */
export async function totalsByMember(
  scope: { memberIds: string[] } | { unitId: string },
  yearStart: Date,
  quarterStart: Date,
  quarterEnd: Date,
): Promise<MemberTotals[]> {
  const who = 'memberIds' in scope ? { memberId: _.in(scope.memberIds) } : { unitPath: scope.unitId };
  const { list } = await records()
    .aggregate()
    .match({ ...who, date: _.gte(yearStart).and(_.lt(quarterEnd)) })
    .group({
      _id: '$memberId',
      yearActivities: $.sum(1),
      yearPersonTimes: $.sum('$personTimes'),
      quarterActivities: inQuarter(quarterStart, 1),
      quarterPersonTimes: inQuarter(quarterStart, '$personTimes'),
    })
    .limit(10000)
    .end();
  return list as MemberTotals[];
}

/** The record whose photo an image check is about (served by media_trace). */
export async function recordOfMediaCheck(traceId: string): Promise<LiaisonRecord | null> {
  const { data } = await records().where({ 'mediaChecks.traceId': traceId }).limit(1).get();
  return (data[0] as LiaisonRecord) ?? null;
}

export async function hideRecordPhoto(id: string, fileID: string): Promise<void> {
  await records()
    .where({ _id: id })
    .update({ data: { hiddenPhotos: _.addToSet(fileID) } });
}

/** Records by id (a topic or a proposal links a few), in no particular order. */
export async function getRecordsByIds(ids: string[]): Promise<LiaisonRecord[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const { data } = await records()
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return data as LiaisonRecord[];
}

/** A member's latest records (what a proposal may start from): one read, no count. */
export async function latestOfMember(memberId: string, limit: number): Promise<LiaisonRecord[]> {
  const { data } = await records().where({ memberId }).orderBy('date', 'desc').limit(limit).get();
  return data as LiaisonRecord[];
}

/** A filed proposal the records fed, kept on each under the proposal's id (a retry sets it once). */
export async function markProposalOnRecords(ids: string[], proposalId: string, link: { title: string; at: Date }) {
  if (!ids.length) return;
  await records()
    .where({ _id: _.in(ids) })
    .update({ data: { [`proposalLinks.${proposalId}`]: link } });
}
