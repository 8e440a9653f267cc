import type { ConcernCounter, LiaisonProfile, OrgUnit } from '@lxq/types';
import { $, _, db } from '../cloud';
import { AppError } from '../errors';

const profiles = () => db.collection('liaison_profiles');

export async function getProfile(memberId: string): Promise<LiaisonProfile | null> {
  const { data } = await profiles().where({ _id: memberId }).limit(1).get();
  return (data[0] as LiaisonProfile) ?? null;
}

/**
 * The member's set-up and, in the same request, one concern bucket by id: what a record that
 * raises concerns needs before it is stored, and the units of the member's path (their lists of
 * categories and occasions, issue 17). One aggregate anchored on the member's own user document,
 * joining them by _id.
 */
export async function getProfileWithBucket(
  memberId: string,
  bucketId: string,
): Promise<{ profile: LiaisonProfile | null; bucket: ConcernCounter | null; units: OrgUnit[] }> {
  const { list } = await db
    .collection('users')
    .aggregate()
    .match({ _id: memberId })
    .project({ _id: 1, unitPath: 1, bucketId: $.literal(bucketId) })
    .lookup({ from: 'liaison_profiles', localField: '_id', foreignField: '_id', as: 'profile' })
    .lookup({ from: 'concern_counters', localField: 'bucketId', foreignField: '_id', as: 'bucket' })
    .lookup({ from: 'org_units', localField: 'unitPath', foreignField: '_id', as: 'units' })
    .limit(1)
    .end();
  const row = (list as { profile: LiaisonProfile[]; bucket: ConcernCounter[]; units?: OrgUnit[] }[])[0];
  return { profile: row?.profile[0] ?? null, bucket: row?.bucket[0] ?? null, units: row?.units ?? [] };
}

/**
 * Stores the member's new set-up only if nobody changed it since it was read (the version it was
 * read at); otherwise CONFLICT, and the person is asked to try again on fresh data. `change` is
 * the request's tag (ctx.newId()): the profile remembers its last 20, so a retry of a change
 * already applied is refused as CONFLICT and the router answers with the first answer. That is
 * what lets these actions skip the router's first audit look-up (4 round trips, not 5).
 */
export async function saveProfile(before: LiaisonProfile | null, next: LiaisonProfile, change: string): Promise<void> {
  // This very change is in already: a retry of a request that died after saving it (resume.ts).
  if (before?.changes?.includes(change)) return;
  next = {
    ...next,
    changes: [change, ...(before?.changes ?? [])].slice(0, 20),
    lastChange: {
      mark: change,
      before: before ? { base: before.base, contacts: before.contacts, pairings: before.pairings } : null,
    },
  };
  if (!before) {
    try {
      await profiles().add({ data: { ...next, version: 1 } });
      return;
    } catch {
      throw conflict();
    }
  }
  const { _id, ...rest } = next;
  const { stats } = await profiles()
    .where({ _id, version: before.version })
    .update({ data: { ...rest, version: _.inc(1) } });
  if (stats.updated !== 1) throw conflict();
}

const conflict = () => new AppError('CONFLICT', '资料刚被修改过，请刷新后再试');
