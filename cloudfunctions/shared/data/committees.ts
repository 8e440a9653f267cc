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
