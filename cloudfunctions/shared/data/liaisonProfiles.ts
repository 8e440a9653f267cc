import type { LiaisonProfile } from '@lxq/types';
import { _, db } from '../cloud';
import { AppError } from '../errors';

const profiles = () => db.collection('liaison_profiles');

export async function getProfile(memberId: string): Promise<LiaisonProfile | null> {
  const { data } = await profiles().where({ _id: memberId }).limit(1).get();
  return (data[0] as LiaisonProfile) ?? null;
}

/**
 * Stores the member's new set-up only if nobody changed it since it was read (the version it was
 * read at); otherwise CONFLICT, and the person is asked to try again on fresh data.
 */
export async function saveProfile(before: LiaisonProfile | null, next: LiaisonProfile): Promise<void> {
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
