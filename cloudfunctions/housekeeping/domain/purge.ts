/**
 * Retention as declared in collections.ts: every collection with `retention` loses the documents
 * older than its days, oldest first, a page at a time, until the time runs out (the next night
 * goes on where this one stopped: the oldest are always first).
 */
import { COLLECTIONS } from '../../shared/collections';
import { expiredIds, removeIds } from '../../shared/data/housekeeping';

const PAGE = 200;

export async function purgeExpired(now: Date, budgetMs: number) {
  const stopAt = Date.now() + budgetMs;
  const removed: Record<string, number> = {};
  let unfinished = false;
  for (const c of COLLECTIONS) {
    if (!c.retention) continue;
    const cutoff = new Date(now.getTime() - c.retention.days * 86_400_000);
    removed[c.name] = 0;
    for (;;) {
      if (Date.now() > stopAt) {
        unfinished = true;
        break;
      }
      const ids = await expiredIds(c.name, c.retention.field, cutoff, PAGE);
      removed[c.name] += await removeIds(c.name, ids);
      if (ids.length < PAGE) break;
    }
    if (unfinished) break;
  }
  return { removed, unfinished };
}
