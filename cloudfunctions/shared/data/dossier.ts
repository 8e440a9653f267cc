/**
 * A member's year for the 履职档案: three reads, each on an index led by the member, returning
 * only the fields the document prints. The year's shifts come with their receptions joined by
 * equality (receptions.shift), so duty and receptions cost one read.
 */
import type { DutyOutcome, LiaisonChannel, LiaisonOccasion } from '@lxq/types';
import { $, _, db } from '../cloud';

export interface DossierRecord {
  date: Date;
  channel: LiaisonChannel;
  occasion: LiaisonOccasion | null;
  place: string;
  personTimes: number;
  summary: string;
}

/** The member's liaison records in [start, end), oldest first (at most 1000: four a day). */
export async function recordsOfYear(memberId: string, start: Date, end: Date): Promise<DossierRecord[]> {
  const { data } = await db
    .collection('liaison_records')
    .where({ memberId, date: _.gte(start).and(_.lt(end)) })
    .orderBy('date', 'asc')
    .field({ date: true, channel: true, occasion: true, place: true, personTimes: true, summary: true })
    .limit(1000)
    .get();
  return data as DossierRecord[];
}

export interface DossierShift {
  date: string;
  workstationName: string;
  outcome: DutyOutcome;
  receptions: { people: number; topic: string }[];
}

/** The member's scheduled shifts starting in [start, end), with the receptions they recorded on each. */
export async function shiftsOfYear(userId: string, start: Date, end: Date): Promise<DossierShift[]> {
  const { list } = await db
    .collection('shifts')
    .aggregate()
    .match({ memberIds: userId, start: _.gte(start).and(_.lt(end)), status: 'scheduled' })
    .sort({ start: 1 })
    .lookup({ from: 'receptions', localField: '_id', foreignField: 'shiftId', as: 'receptions' })
    .project({
      _id: 0,
      date: 1,
      workstationName: 1,
      outcome: $.arrayElemAt([
        $.map({
          input: $.filter({ input: '$members', as: 'm', cond: $.eq(['$$m.userId', userId]) }),
          as: 'm',
          in: '$$m.outcome',
        }),
        0,
      ]),
      receptions: $.map({
        input: $.filter({ input: '$receptions', as: 'r', cond: $.eq(['$$r.memberId', userId]) }),
        as: 'r',
        in: { people: '$$r.people', topic: '$$r.topic' },
      }),
    })
    .limit(1000)
    .end();
  return list as DossierShift[];
}

export interface DossierSession {
  name: string;
  opensOn: string;
}

export interface DossierConcern {
  title: string;
  category: string;
  firstRepliedAt: Date;
  replyDueAt: Date | null;
}

/**
 * The member's unit and sector names, the sessions of their unit and its ancestors (which name
 * the terms), and the concerns assigned to them first answered in [start, end): one aggregate
 * anchored on their user document, joining by equality (each on an index) as the 成绩单 does.
 */
export async function namesAndAnswered(
  user: { _id: string; openid?: string | null },
  start: Date,
  end: Date,
): Promise<{ unitName: string; sectorName: string; answered: DossierConcern[]; sessions: DossierSession[] }> {
  const firstReply = '$$c.firstRepliedAt';
  let q = db
    .collection('users')
    .aggregate()
    .match({ _id: user._id })
    .lookup({ from: 'org_units', localField: 'unitId', foreignField: '_id', as: 'units' })
    .lookup({ from: 'sectors', localField: 'sectorId', foreignField: '_id', as: 'sectors' })
    .lookup({ from: 'proposal_sessions', localField: 'unitPath', foreignField: 'unitId', as: 'sessions' });
  // Without a WeChat identity nothing is assigned to them (and null would join every unassigned one).
  if (user.openid) {
    q = q.lookup({ from: 'concerns', localField: 'openid', foreignField: 'assigneeOpenid', as: 'assigned' });
  }
  const { list } = await q
    .project({
      _id: 0,
      unitName: $.arrayElemAt(['$units.name', 0]),
      sectorName: $.arrayElemAt(['$sectors.name', 0]),
      sessions: $.map({ input: '$sessions', as: 's', in: { name: '$$s.name', opensOn: '$$s.opensOn' } }),
      answered: $.map({
        input: $.filter({
          input: $.ifNull(['$assigned', []]),
          as: 'c',
          cond: $.and([$.gte([firstReply, start]), $.lt([firstReply, end])]),
        }),
        as: 'c',
        in: { title: '$$c.title', category: '$$c.category', firstRepliedAt: firstReply, replyDueAt: '$$c.replyDueAt' },
      }),
    })
    .limit(1)
    .end();
  const row = (
    list as { unitName?: string; sectorName?: string; answered?: DossierConcern[]; sessions?: DossierSession[] }[]
  )[0];
  const answered = [...(row?.answered ?? [])].sort(
    (a, b) => new Date(a.firstRepliedAt).getTime() - new Date(b.firstRepliedAt).getTime(),
  );
  return { unitName: row?.unitName ?? '', sectorName: row?.sectorName ?? '', answered, sessions: row?.sessions ?? [] };
}
