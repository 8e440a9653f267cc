import type { Concern } from '@lxq/types';
import { db } from '../cloud';
import { isDuplicateKey } from '../errors';

/**
 * Stores several concerns in one request (ids from ctx.newId(), so a retry collides). When some
 * were stored before (a retried request), each is tried alone and only the new ones count.
 * Answers how many were stored now.
 */
export async function insertConcernsOnce(concerns: Concern[]): Promise<number> {
  try {
    await db.collection('concerns').add({ data: concerns });
    return concerns.length;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  let stored = 0;
  for (const c of concerns) {
    try {
      await db.collection('concerns').add({ data: c });
      stored++;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  return stored;
}
