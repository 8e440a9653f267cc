/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no useful types */

/**
 * One page of a query and the total it has, in two parallel round trips. `query` is a
 * collection or a `where()`; the order must be served by an index together with the filter.
 */
export async function pageOf<T>(
  query: any,
  order: [string, 'asc' | 'desc'],
  page: number,
  pageSize: number,
): Promise<{ items: T[]; total: number }> {
  const [{ data }, { total }] = await Promise.all([
    query
      .orderBy(order[0], order[1])
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .get(),
    query.count(),
  ]);
  return { items: data as T[], total: total as number };
}
