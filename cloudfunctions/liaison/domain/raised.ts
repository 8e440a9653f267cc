/**
 * The concerns a liaison record raises, stored together: one bucket read (joined to the profile
 * read, see getProfileWithBucket), one insert of all of them, one count — instead of
 * createConcern's three round trips for each. The documents are the ones createConcern makes for a
 * member-recorded concern; when the bucket does not exist yet (the first concern ever at that
 * workstation), createConcern stores the first one, since it knows how to make the bucket.
 */
import type { Concern, ConcernCounter, User } from '@lxq/types';
import { bump, getBucket } from '../../shared/data/concernCounters';
import { insertConcernsOnce } from '../../shared/data/liaisonConcerns';
import { bucketId, quarterDelta } from '../../shared/concerns/counters';
import {
  concernDocument,
  createConcern,
  type ConcernOrigin,
  type NewConcern,
  type Placement,
} from '../../shared/concerns/create';
import { isDuplicateKey } from '../../shared/errors';
import { requestMark } from '../../shared/resume';

type Raised = Pick<NewConcern, 'category' | 'title' | 'text' | 'needsReview'>;

export interface RaisedBy {
  user: User;
  openid: string;
  now: Date;
  consentNote: string;
}

/** Where a member's concerns go: their first workstation, else their unit. */
export const raisedBucketId = (user: User) => bucketId(user.workstationIds?.[0] ?? null, user.unitId);

/** Stores the raised concerns under `ids` (already content-checked); safe to run again. */
export async function storeRaised(
  raised: Raised[],
  ids: string[],
  bucket: ConcernCounter | null,
  by: RaisedBy,
): Promise<void> {
  if (!raised.length) return;
  const key = raisedBucketId(by.user);
  let from = 0;
  let first: Concern | null = null;
  if (!bucket) {
    // The first concern ever at this workstation: createConcern makes the bucket with it.
    first = await createConcern(
      {
        workstationId: by.user.workstationIds?.[0] ?? null,
        unitId: by.user.unitId,
        sectorId: by.user.sectorId ?? null,
        ...raised[0],
      },
      origin(ids[0], by),
    ).catch((err) => {
      if (!isDuplicateKey(err)) throw err;
      return null;
    });
    from = 1;
    // A retry after the first attempt made the bucket: read it, the rest may still be missing.
    if (!first) bucket = await getBucket(key);
  }
  const place: Placement | null = bucket ?? (first?.limits ? { ...first, limits: first.limits } : null);
  if (!place) throw new Error(`concern bucket ${key} missing after its first concern`);
  const rest = raised
    .slice(from)
    .map((c, i) => concernDocument({ ...c, sectorId: by.user.sectorId ?? null }, origin(ids[from + i], by), place));
  const stored = rest.length ? await insertConcernsOnce(rest) : 0;
  // Inside a request the increment is tagged (applies once), so it counts them all: a retry after
  // a crash between the insert and the count still counts them. Outside one, only the new ones.
  const count = requestMark() ? rest.length : stored;
  if (count)
    await bump(key, { 'counts.submitted': count, ...quarterDelta(by.now, { collected: count }, rest.slice(0, count)) });
}

/** A concern the member records on a person's behalf, with that person's consent noted. */
function origin(id: string, by: RaisedBy): ConcernOrigin {
  return {
    id,
    now: by.now,
    checkOpenid: by.openid,
    source: 'member',
    recorder: { userId: by.user._id, name: by.user.name },
    consentNote: by.consentNote,
  };
}
