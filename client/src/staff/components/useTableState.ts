import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';

/**
 * A table's search, filters, sort, page, page size and hidden columns, kept in the page's URL
 * query (h5) so a reload or a shared link shows the same view. Values are strings; '' is unset.
 */
export type TableState = Record<string, string>;

export const PAGE_KEYS = ['q', 'sort', 'page', 'size', 'hide'] as const;

export function useTableState(defaults: TableState): [TableState, (patch: TableState) => void] {
  const params = useRouter().params;
  const [initial] = useState<TableState>(() => ({ q: '', sort: '', page: '1', size: '20', hide: '', ...defaults }));
  const [state, setState] = useState<TableState>(() => {
    const out: TableState = { ...initial };
    for (const k of Object.keys(out)) {
      const v = params[k];
      if (typeof v === 'string') out[k] = safeDecode(v);
    }
    return out;
  });
  const set = useCallback(
    (patch: TableState) => {
      setState((prev) => {
        // Narrowing the view starts again from its first page.
        const resets = Object.keys(patch).some((k) => k !== 'page' && k !== 'sort' && k !== 'hide');
        const next = { ...prev, ...patch, ...(resets && !('page' in patch) ? { page: '1' } : {}) };
        writeUrl(next, initial);
        return next;
      });
    },
    [initial],
  );
  return [state, set];
}

/** Only what differs from the defaults goes in the URL (an emptied default, e.g. 全部, as `key=`). */
function writeUrl(state: TableState, defaults: TableState) {
  if (process.env.TARO_ENV !== 'h5') return;
  const [path] = window.location.hash.split('?');
  const query = Object.entries(state)
    .filter(([k, v]) => v !== defaults[k])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  // Replaces the entry without telling the router: the page stays, a reload reads the query.
  window.history.replaceState(window.history.state, '', `${path}${query ? `?${query}` : ''}`);
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
