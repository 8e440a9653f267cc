/**
 * Creating a concern, for every way one arrives: a citizen's own submission (concern.submit), or
 * a member recording it on a person's behalf (duty receptions, liaison records).
 *
 *   const concern = await createConcern(
 *     { workstationId, category, title, text, phone, anonymous: false },
 *     { id: ctx.newId('concern'), now: ctx.now, checkOpenid: ctx.openid, source: 'member',
 *       recorder: { userId: user._id, name: user.name }, consentNote: '来访人同意登记并留存电话' },
 *   );
 *
 * It checks the text and photos (the calling function's config.json must list
 * "security.msgSecCheck"; photos go to "security.mediaCheckAsync"), fixes the deadlines from the unit's limits
 * (and keeps the limits on the concern, for the fresh reply window of a reopening),
 * stores the concern and then counts it in its bucket. `id` must come from `ctx.newId()` so a
 * retried request stores one concern (the insert fails with a duplicate key, and nothing is
 * counted twice); the caller writes its own audit entry (ctx.audit). Costs 3 database round trips:
 * the bucket (the workstation's unit, name, limits and categories), the concern, the count. With
 * `counted`, the bucket's read also brings the caller's recent submissions (limits.ts). A category
 * outside the unit's list is refused (VALIDATION on `category`) before anything is stored.
 */
import { CONCERN_CATEGORIES, type Concern, type ConcernCounter, type ConcernSource, type GeoPoint } from '@lxq/types';
import { bucketId, emptyBucket, quarterDelta } from './counters';
import { acceptDeadline, replyDue } from './deadlines';
import { calendarFromBucket } from '../calendar';
import { checkContent } from './content';
import { bump, getBucket, insertBucket } from '../data/concernCounters';
import { insertConcern } from '../data/concerns';
import { getConcernLimits } from '../data/unitSettings';
import { getUnit, getUnitsByIds } from '../data/units';
import { getWorkstation } from '../data/workstations';
import { invalid, isDuplicateKey } from '../errors';
import { readCounting, refuseOverAudited, type DurableCount } from '../limits';
import { categoryRefusal, effectiveLists } from '../unitLists';

export interface NewConcern {
  /** The workstation it goes to; or, when there is none, `unitId`. */
  workstationId?: string | null;
  unitId?: string | null;
  category: string;
  title: string;
  text: string;
  photos?: string[];
  location?: (GeoPoint & { address?: string }) | null;
  sectorId?: string | null;
  phone?: string | null;
  anonymous?: boolean;
  /** Already known to need a person's review (a liaison record checks its concerns first). */
  needsReview?: boolean;
}

export interface ConcernOrigin {
  /** ctx.newId('concern'): the same on a retry. */
  id: string;
  now: Date;
  /** Whose WeChat account submitted; '' when a member records it for someone without one. */
  submitterOpenid?: string;
  /** The openid the content check is made for (the submitter, or the recording member). */
  checkOpenid: string;
  source: ConcernSource;
  /** source 'member': the member who recorded it. */
  recorder?: { userId: string; name: string } | null;
  /** Shown in the timeline, e.g. the person's consent as noted by the member. */
  consentNote?: string;
  /** A citizen's own submission: their recent ones are counted against the limit with the bucket's read. */
  counted?: DurableCount;
  /** The form field a refused category is reported on (default `category`). */
  categoryField?: string;
}

export async function createConcern(input: NewConcern, origin: ConcernOrigin): Promise<Concern> {
  const verdict = await checkContent(origin.checkOpenid, {
    text: `${input.title}\n${input.text}`,
    textField: 'text',
    photos: input.photos,
    photosFolder: 'concerns',
  });

  const { bucket, isNew } = await bucketOf(input, origin.counted);
  checkCategory(bucket, input.category, origin.categoryField);
  if (isNew) await insertNewBucket(bucket);
  const concern = concernDocument({ ...input, needsReview: input.needsReview || verdict.needsReview }, origin, bucket);
  if (verdict.mediaChecks.length) concern.mediaChecks = verdict.mediaChecks;
  await insertConcern(concern);
  await bump(bucket._id, { 'counts.submitted': 1, ...quarterDelta(origin.now, { collected: 1 }, concern) });
  return concern;
}

/**
 * The stored concern as it is submitted: placed in its bucket's workstation and unit, with the
 * deadlines from the bucket's limits. Used by createConcern and by liaison records that raise
 * several concerns in one insert.
 */
export type Placement = Pick<
  ConcernCounter,
  'unitId' | 'unitPath' | 'workstationId' | 'workstationName' | 'limits' | 'calendar'
>;

export function concernDocument(input: NewConcern, origin: ConcernOrigin, bucket: Placement): Concern {
  const limits = bucket.limits;
  // The bucket carries the entered calendar years: working days cost this submission no read.
  const accept = acceptDeadline(origin.now, limits, calendarFromBucket(bucket));
  const acceptDueAt = accept.at;
  return {
    _id: origin.id,
    unitId: bucket.unitId,
    unitPath: bucket.unitPath,
    workstationId: bucket.workstationId,
    workstationName: bucket.workstationName,
    category: input.category,
    title: input.title,
    text: input.text,
    photos: input.photos ?? [],
    location: input.location ? { lat: input.location.lat, lng: input.location.lng } : null,
    address: input.location?.address ?? null,
    sectorId: input.sectorId ?? null,
    phone: input.phone ?? null,
    anonymous: !!input.anonymous,
    submitterOpenid: origin.submitterOpenid ?? '',
    source: origin.source,
    recorder: origin.recorder ?? null,
    status: 'submitted',
    timeline: [
      {
        at: origin.now,
        by: origin.submitterOpenid || (origin.recorder ? origin.checkOpenid : ''),
        byName: origin.recorder ? `${origin.recorder.name}（委员代为登记）` : input.anonymous ? '匿名群众' : '群众',
        action: 'submit',
        ...(origin.consentNote ? { note: origin.consentNote } : {}),
      },
    ],
    acceptDueAt,
    replyDueAt: replyDue(origin.now, limits),
    dueAt: acceptDueAt,
    ...(accept.provisional ? { provisional: true } : {}),
    ...(input.needsReview ? { needsReview: true } : {}),
    assignee: null,
    assigneeOpenid: null,
    reply: null,
    firstRepliedAt: null,
    rating: null,
    reopenCount: 0,
    duplicateOf: null,
    links: [],
    notes: [],
    limits: { acceptWorkingDays: limits.acceptWorkingDays, replyDays: limits.replyDays },
    createdAt: origin.now,
    updatedAt: origin.now,
  };
}

/**
 * The bucket the concern is counted in: it carries the workstation's unit, name and the unit's
 * limits, so one read serves instead of the workstation and the settings. A bucket is made the
 * first time its workstation (or unit) receives a concern.
 */
async function bucketOf(
  input: NewConcern,
  counted?: DurableCount,
): Promise<{ bucket: ConcernCounter; isNew: boolean }> {
  const unitId = input.unitId ?? '';
  const id = bucketId(input.workstationId, unitId);
  const found = counted ? await readCounting<ConcernCounter>('concern_counters', id, counted) : await getBucket(id);
  if (found) return { bucket: found, isNew: false };
  // A station's first concern: no bucket carried the count, so it is read on its own.
  if (counted) await refuseOverAudited(counted);
  const station = input.workstationId ? await getWorkstation({ id: input.workstationId }) : null;
  const unit = station
    ? { unitId: station.unitId, unitPath: station.unitPath }
    : await getUnit(unitId).then((u) => ({ unitId: u._id, unitPath: u.path }));
  const [limits, units] = await Promise.all([getConcernLimits(unit.unitId), getUnitsByIds(unit.unitPath)]);
  const bucket = emptyBucket(id, unit, station, limits);
  const lists = effectiveLists([...units.values()], unit.unitPath);
  if (lists.categories.join('\n') !== CONCERN_CATEGORIES.join('\n')) bucket.categories = lists.categories;
  return { bucket, isNew: true };
}

async function insertNewBucket(bucket: ConcernCounter): Promise<void> {
  try {
    await insertBucket(bucket);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err; // made meanwhile by a concurrent first submission
  }
}

/** A category outside the unit's list (issue 17) is refused before anything is stored. */
export function checkCategory(bucket: Pick<ConcernCounter, 'categories'>, category: string, field = 'category'): void {
  const allowed: readonly string[] = bucket.categories ?? CONCERN_CATEGORIES;
  if (!allowed.includes(category)) throw invalid({ [field]: categoryRefusal(category) });
}
