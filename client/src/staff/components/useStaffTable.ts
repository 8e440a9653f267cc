import type { ActionInput, ActionName, ActionOutput } from '@lxq/types';
import { useQuery, type Query } from '../../hooks/useQuery';
import type { Column, DataTableProps } from './DataTable';
import { useTableState, type TableState } from './useTableState';

/** The list actions a staff table pages through: they answer a page of rows and their total. */
type Listed<N extends ActionName> = ActionOutput<N> extends { items: (infer T)[]; total: number } ? T : never;

/** What a list action takes besides the table's own page, page size, search and order. */
export type TableFilters<N extends ActionName> = Omit<ActionInput<N>, 'page' | 'pageSize' | 'q' | 'sort'>;

export interface StaffTable<N extends ActionName, T> {
  state: TableState;
  set: (patch: TableState) => void;
  list: Query<N>;
  /** The filters and the search as the action takes them (an export of exactly what is shown), null while off. */
  filters: (TableFilters<N> & { q?: string }) | null;
  /** Spread into DataTable: rows, total, loading, error, the view's state, the columns and the search box. */
  table: Pick<
    DataTableProps<T>,
    'columns' | 'rows' | 'rowKey' | 'total' | 'loading' | 'error' | 'state' | 'setState' | 'searchPlaceholder'
  >;
}

/**
 * The one wiring of a server-paged staff table: its view in the URL (useTableState), the list
 * action asked for the page, the page size, the search words and the order of a column the
 * server sorts (`Column.serverSort`), and the props DataTable needs. `filters` answers the
 * action's own filters from the view, or null while the table is off (not staff, not desktop).
 */
export function useStaffTable<N extends ActionName, T extends Listed<N> = Listed<N>>(
  action: N,
  p: {
    columns: Column<T>[];
    defaults?: TableState;
    filters: (state: TableState) => TableFilters<N> | null;
    /** The search box's hint; the action takes `q` when given. */
    search?: string;
    /** Loads again when it changes (e.g. after the page added a row). */
    reloadKey?: string;
  },
): StaffTable<N, T> {
  const [state, set] = useTableState(p.defaults ?? {});
  const own = p.filters(state);
  const filters = own && { ...own, ...(p.search && state.q ? { q: state.q } : {}) };
  const sort = serverSortOf(p.columns, state.sort);
  const input = filters && {
    ...filters,
    ...(sort ? { sort } : {}),
    page: Number(state.page) || 1,
    pageSize: Number(state.size) || 20,
  };
  const list = useQuery(action, input as ActionInput<N> | null, `${JSON.stringify(input)}|${p.reloadKey ?? ''}`);
  const page = list.data as { items: T[]; total: number } | undefined;
  return {
    state,
    set,
    list,
    filters,
    table: {
      columns: p.columns,
      rows: page?.items ?? [],
      rowKey: (r) => (r as { _id: string })._id,
      total: page?.total ?? 0,
      loading: list.loading && !list.data,
      error: list.error?.message,
      state,
      setState: set,
      searchPlaceholder: p.search,
    },
  };
}

/** The action's `sort` for the table's: the field of a column the server sorts, '-' for newest/largest first. */
export function serverSortOf<T>(columns: Column<T>[], sort: string | undefined): string | undefined {
  const key = (sort ?? '').replace(/^-/, '');
  const col = columns.find((c) => c.key === key && c.serverSort);
  if (!col) return undefined;
  const field = typeof col.serverSort === 'string' ? col.serverSort : col.key;
  return sort!.startsWith('-') ? `-${field}` : field;
}
