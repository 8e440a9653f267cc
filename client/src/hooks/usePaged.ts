import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput } from '@lxq/types';
import { call } from '../services/call';
import { CallError, toCallError } from '../services/errors';

/** Actions whose result is a page of items. */
type PagedName = {
  [N in ActionName]: ActionOutput<N> extends { items: unknown[]; total: number } ? N : never;
}[ActionName];
type ItemOf<N extends PagedName> = ActionOutput<N>['items'][number];
type FiltersOf<N extends PagedName> = Omit<ActionInput<N>, 'page' | 'pageSize'>;

export interface Paged<N extends PagedName> {
  items: ItemOf<N>[];
  total: number;
  /** The last page's full answer (e.g. `counts` of concern.listForStaff). */
  last: ActionOutput<N> | undefined;
  loading: boolean;
  loadingMore: boolean;
  error: CallError | null;
  hasMore: boolean;
  empty: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A paginated list: first page on mount and whenever `key` changes, pull-down refreshes
 * (page config enablePullDownRefresh: true), reaching the bottom loads the next page.
 */
export function usePaged<N extends PagedName>(
  name: N,
  filters: FiltersOf<N>,
  opts: { pageSize?: number; key?: string; enabled?: boolean } = {},
): Paged<N> {
  const pageSize = opts.pageSize ?? 20;
  const enabled = opts.enabled ?? true;
  const [items, setItems] = useState<ItemOf<N>[]>([]);
  const [total, setTotal] = useState(0);
  const [last, setLast] = useState<ActionOutput<N>>();
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const seq = useRef(0);
  const busy = useRef(false);

  const fetchPage = useCallback(
    (p: number) =>
      call(name, { ...filtersRef.current, page: p, pageSize } as unknown as ActionInput<N>) as Promise<
        ActionOutput<N> & { items: ItemOf<N>[]; total: number }
      >,
    [name, pageSize],
  );

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const res = await fetchPage(1);
      if (mine !== seq.current) return;
      setItems(res.items);
      setTotal(res.total);
      setLast(res);
      setPage(1);
    } catch (e) {
      if (mine === seq.current) setError(toCallError(e));
    } finally {
      if (mine === seq.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, [fetchPage]);

  const hasMore = page > 0 && items.length < total;

  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore) return;
    const mine = seq.current;
    busy.current = true;
    setLoadingMore(true);
    try {
      const res = await fetchPage(page + 1);
      if (mine !== seq.current) return;
      setItems((prev) => {
        const seen = new Set(prev.map((i) => (i as { _id?: string })._id));
        return prev.concat(res.items.filter((i) => !seen.has((i as { _id?: string })._id)));
      });
      setTotal(res.total);
      setLast(res);
      setPage(page + 1);
    } catch (e) {
      if (mine === seq.current) setError(toCallError(e));
    } finally {
      busy.current = false;
      setLoadingMore(false);
    }
  }, [fetchPage, hasMore, page]);

  useEffect(() => {
    if (enabled) void reload();
  }, [reload, opts.key, enabled]);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void loadMore();
  });

  return {
    items,
    total,
    last,
    loading,
    loadingMore,
    error,
    hasMore,
    empty: !loading && !error && page > 0 && items.length === 0,
    reload,
    loadMore,
  };
}
