import type { Committee } from '@lxq/types';
import { _, db } from '../cloud';

const committees = () => db.collection('committees');

/** The special committees of these units (a subtree has a handful). */
export async function listCommitteesOfUnits(unitIds: string[]): Promise<Committee[]> {
  if (!unitIds.length) return [];
  const { data } = await committees()
    .where({ unitId: _.in(unitIds) })
    .limit(200)
    .get();
  return data as Committee[];
}

export async function getCommittee(id: string): Promise<Committee | null> {
  const { data } = await committees().where({ _id: id }).limit(1).get();
  return (data[0] as Committee) ?? null;
}

/** Creates or replaces a committee under its id. */
export async function saveCommittee(committee: Committee): Promise<void> {
  const { _id, ...rest } = committee;
  await committees().doc(_id).set({ data: rest });
}
