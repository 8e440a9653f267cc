import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ExportDone } from '../../services/exportJob';
import type { TableState } from './useTableState';
import './DataTable.scss';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  /**
   * The column sorts in the browser when it has a sort value: over every row when the table is
   * `complete`, else within the page shown (and the header says so).
   */
  sortValue?: (row: T) => string | number;
  /**
   * The server orders every page by this column (the table's `sort` goes with the query); the table
   * does not reorder. A string names the action's sort field when it is not the column's key.
   */
  serverSort?: boolean | string;
  /** CSS width, e.g. '8em'. */
  width?: string;
  /** Cannot be hidden with the column chooser. */
  fixed?: boolean;
  /** Long text that may wrap (a title, a name of a place); other cells keep to one line. */
  wrap?: boolean;
}

export interface FilterDef {
  key: string;
  label: string;
  kind: 'select' | 'date';
  options?: { value: string; label: string }[];
}

export interface BulkAction<T> {
  label: string;
  /** Rows it applies to; the others in the selection are skipped and said so. */
  applies?: (row: T) => boolean;
  run: (rows: T[]) => Promise<string | void>;
}

export interface DataTableProps<T> {
  /** Names the table for screen readers and tests. */
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** -1 when unknown (the action did not count). */
  total: number;
  /**
   * `rows` are every row of the list (the action answered it whole, e.g. a ranking of the unit):
   * the table sorts all of them and pages them itself, so its sort orders everything.
   */
  complete?: boolean;
  loading: boolean;
  error?: string | null;
  state: TableState;
  setState: (patch: TableState) => void;
  filters?: FilterDef[];
  /** Shows the search box when given. */
  searchPlaceholder?: string;
  bulk?: BulkAction<T>[];
  /** Exports the filtered table; `progress` tells how far it got, the answer links the workbook. */
  onExport?: (progress: (text: string) => void) => Promise<ExportDone | void>;
  onOpen?: (row: T) => void;
  activeKey?: string;
  rowClass?: (row: T) => string;
  emptyText: string;
  /** Extra controls at the toolbar's right end. */
  extra?: ReactNode;
}

// Actions page at most 50 rows at a time (pageInput).
const PAGE_SIZES = ['10', '20', '50'];
const SEARCH_PAUSE_MS = 400;

/**
 * The one staff table: search, the filters the action supports, sortable columns, a column
 * chooser, row selection with bulk actions, paging with a page size, and 导出 Excel of the
 * same filters. Its state lives in the URL (useTableState). Desktop console only (h5).
 */
export function DataTable<T>(p: DataTableProps<T>) {
  const { state, setState } = p;
  const hidden = new Set(state.hide ? state.hide.split(',') : []);
  const visible = p.columns.filter((c) => c.fixed || !hidden.has(c.key));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState('');
  const [message, setMessage] = useState('');
  const [link, setLink] = useState<ExportDone | null>(null);
  const [q, setQ] = useState(state.q ?? '');

  // Typing searches once the person pauses; the view starts again from its first page (useTableState).
  useEffect(() => {
    const words = q.trim();
    if (words === (state.q ?? '')) return;
    const t = setTimeout(() => setState({ q: words }), SEARCH_PAUSE_MS);
    return () => clearTimeout(t);
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typing starts a search
  // The view's words changed elsewhere (another tab of the page emptied them): the box follows.
  useEffect(() => setQ(state.q ?? ''), [state.q]);

  const sorted = useMemo(() => {
    const desc = state.sort.startsWith('-');
    const col = p.columns.find((c) => c.key === state.sort.replace(/^-/, ''));
    if (!col?.sortValue || col.serverSort) return p.rows;
    const v = col.sortValue;
    return [...p.rows].sort((a, b) => {
      const x = v(a);
      const y = v(b);
      const r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return desc ? -r : r;
    });
  }, [p.rows, p.columns, state.sort]);

  const size = Number(state.size) || 20;
  const page = Number(state.page) || 1;
  const total = p.complete ? p.rows.length : p.total;
  const pages = total >= 0 ? Math.max(1, Math.ceil(total / size)) : page + (p.rows.length === size ? 1 : 0);
  const shown = p.complete ? sorted.slice((page - 1) * size, page * size) : sorted;
  // A new page or filter is a new set of rows: the selection does not carry over (a new order does).
  const rowsKey = shown.map(p.rowKey).sort().join(',');
  useEffect(() => setSelected(new Set()), [rowsKey]);
  const chosen = shown.filter((r) => selected.has(p.rowKey(r)));
  const allOn = shown.length > 0 && chosen.length === shown.length;

  const run = async (label: string, job: () => Promise<string | void>) => {
    setBusy(label);
    setMessage('');
    setLink(null);
    try {
      setMessage((await job()) || `${label}：已完成`);
    } catch (e) {
      setMessage(`${label}失败：${(e as Error).message || '请稍后重试'}`);
    } finally {
      setBusy('');
    }
  };

  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };

  return (
    <section className="dt" aria-label={p.label}>
      <form
        className="dt__toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setState({ q: q.trim() });
        }}
      >
        {p.searchPlaceholder ? (
          <input
            className="dt__search"
            type="search"
            value={q}
            placeholder={p.searchPlaceholder}
            aria-label="搜索"
            onChange={(e) => setQ(e.target.value)}
            onBlur={() => q.trim() !== state.q && setState({ q: q.trim() })}
          />
        ) : null}
        {p.filters?.map((f) => (
          <label key={f.key} className="dt__filter">
            <span>{f.label}</span>
            {f.kind === 'select' ? (
              <select
                aria-label={f.label}
                value={state[f.key] ?? ''}
                onChange={(e) => setState({ [f.key]: e.target.value })}
              >
                <option value="">全部</option>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input type="date" value={state[f.key] ?? ''} onChange={(e) => setState({ [f.key]: e.target.value })} />
            )}
          </label>
        ))}
        <span className="dt__grow" />
        {p.extra}
        <details className="dt__columns">
          <summary>列</summary>
          <div className="dt__columns-menu">
            {p.columns
              .filter((c) => !c.fixed)
              .map((c) => (
                <label key={c.key}>
                  <input
                    type="checkbox"
                    checked={!hidden.has(c.key)}
                    onChange={() => {
                      const next = new Set(hidden);
                      if (next.has(c.key)) next.delete(c.key);
                      else next.add(c.key);
                      setState({ hide: [...next].join(',') });
                    }}
                  />
                  {c.title}
                </label>
              ))}
          </div>
        </details>
        {p.onExport ? (
          <button
            type="button"
            className="dt__btn dt__btn--primary"
            disabled={!!busy}
            onClick={() =>
              void run('导出 Excel', async () => {
                const done = await p.onExport?.((text) => setMessage(text));
                if (!done) return;
                setLink(done);
                return done.text;
              })
            }
          >
            {busy === '导出 Excel' ? '正在导出…' : '导出 Excel'}
          </button>
        ) : null}
      </form>

      {p.bulk?.length ? (
        <div className={`dt__bulk ${chosen.length ? 'dt__bulk--on' : ''}`} aria-live="polite">
          <span>{chosen.length ? `已选 ${chosen.length} 项` : '勾选行后可批量处理'}</span>
          {p.bulk.map((b) => {
            const rows = b.applies ? chosen.filter(b.applies) : chosen;
            return (
              <button
                key={b.label}
                type="button"
                className="dt__btn"
                disabled={!rows.length || !!busy}
                onClick={() =>
                  void run(b.label, async () => {
                    const said = await b.run(rows);
                    setSelected(new Set());
                    const skipped = chosen.length - rows.length;
                    return `${said || `${b.label}：${rows.length} 项已完成`}${skipped ? `，${skipped} 项不适用已跳过` : ''}`;
                  })
                }
              >
                {busy === b.label ? '处理中…' : `${b.label}${rows.length ? `（${rows.length}）` : ''}`}
              </button>
            );
          })}
        </div>
      ) : null}
      {message ? (
        <div className="dt__message" role="status">
          {message}
          {link && !busy ? (
            <a className="dt__link" href={link.url} download={link.fileName}>
              下载 {link.fileName}
            </a>
          ) : null}
        </div>
      ) : null}
      {p.error ? <div className="banner-error">{p.error}</div> : null}

      <div className="dt__scroll">
        <table className="dt__table">
          <thead>
            <tr>
              {p.bulk?.length ? (
                <th className="dt__check">
                  <input
                    type="checkbox"
                    aria-label="全选本页"
                    checked={allOn}
                    onChange={() => setSelected(allOn ? new Set() : new Set(shown.map(p.rowKey)))}
                  />
                </th>
              ) : null}
              {visible.map((c) => {
                const on = state.sort.replace(/^-/, '') === c.key;
                const desc = on && state.sort.startsWith('-');
                return (
                  <th
                    key={c.key}
                    style={c.width ? { width: c.width } : undefined}
                    aria-sort={on ? (desc ? 'descending' : 'ascending') : undefined}
                  >
                    {c.sortValue || c.serverSort ? (
                      <button
                        type="button"
                        title={c.serverSort || p.complete ? '按全部结果排序' : '在本页内排序'}
                        className="dt__sort"
                        onClick={() => setState({ sort: on && !desc ? `-${c.key}` : on ? '' : c.key })}
                      >
                        {c.title}
                        <span className="dt__arrow">{on ? (desc ? '▼' : '▲') : '↕'}</span>
                      </button>
                    ) : (
                      c.title
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const key = p.rowKey(r);
              return (
                <tr
                  key={key}
                  className={`${p.onOpen ? 'dt__row--link' : ''} ${key === p.activeKey ? 'dt__row--active' : ''} ${p.rowClass?.(r) ?? ''}`}
                  tabIndex={p.onOpen ? 0 : undefined}
                  aria-selected={key === p.activeKey || undefined}
                  onClick={() => p.onOpen?.(r)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && e.target === e.currentTarget) p.onOpen?.(r);
                  }}
                >
                  {p.bulk?.length ? (
                    <td className="dt__check" onClick={(e) => e.stopPropagation()}>
                      <input
                        type="checkbox"
                        aria-label="选择"
                        checked={selected.has(key)}
                        onChange={() => toggle(key)}
                      />
                    </td>
                  ) : null}
                  {visible.map((c) => (
                    <td key={c.key} className={c.wrap ? 'dt__wrap' : 'dt__line'}>
                      {c.render(r)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {!p.loading && !p.error && !shown.length ? <div className="dt__empty">{p.emptyText}</div> : null}
        {p.loading ? <div className="dt__empty">加载中…</div> : null}
      </div>

      <nav className="dt__pager" aria-label="分页">
        <span>{total >= 0 ? `共 ${total} 条` : ''}</span>
        <span className="dt__grow" />
        <label className="dt__filter">
          <span>每页</span>
          <select value={String(size)} onChange={(e) => setState({ size: e.target.value })}>
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s} 条
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="dt__btn"
          disabled={page <= 1}
          onClick={() => setState({ page: String(page - 1) })}
        >
          上一页
        </button>
        <span>
          第 {page} / {pages} 页
        </span>
        <button
          type="button"
          className="dt__btn"
          disabled={page >= pages}
          onClick={() => setState({ page: String(page + 1) })}
        >
          下一页
        </button>
      </nav>
    </section>
  );
}
