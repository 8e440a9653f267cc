import { db } from '../cloud';

/**
 * What the staff tables share on the server: a search word as a case-insensitive match anywhere in
 * a field, and a table's `sort` ('field' / '-field') as an order. The regex only narrows the rows
 * the index chose; the order's field must end the index the filters use.
 */
export function wordsLike(q: string) {
  return db.RegExp({ regexp: q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
}

/** The table's order, or the list's own (its field, newest first) when none is asked. */
export function orderOf(sort: string | undefined, field: string): [string, 'asc' | 'desc'] {
  if (!sort) return [field, 'desc'];
  return sort.startsWith('-') ? [sort.slice(1), 'desc'] : [sort, 'asc'];
}
