import { getDayDetail } from '../components/holidays';
import { useMemo, useState } from 'react';
import type { ShiftView } from '@lxq/types';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { runExport, type ExportDone } from '../../services/exportJob';
import { toCallError } from '../../services/errors';
import { randomId } from '../../services/random';
import { formatChinaTime } from '../../utils/time';
import { SidePanel } from '../components/SidePanel';
import { useTableState } from '../components/useTableState';
import '../components/DataTable.scss';
import './RosterWeek.scss';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const DAY = 86_400_000;

/** The Monday (China date) of the week `offset` weeks from the one holding `today`. */
function mondayOf(today: string, offset: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * DAY + offset * 7 * DAY).toISOString().slice(0, 10);
}
const addDays = (day: string, n: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + n * DAY).toISOString().slice(0, 10);
const clock = (iso: string) => formatChinaTime(iso, 'HH:mm');

interface Cell {
  date: string;
  slot: string;
  shift: ShiftView | null;
}

/**
 * One workstation's week as a grid: days across (holidays and make-up working days marked), time
 * slots down, the members on duty in each cell. A cell opens to change its members or times, an
 * empty one to add a shift; the page prints as the week's duty sheet.
 */
export function RosterWeek({ stations }: { stations: { _id: string; name: string }[] }) {
  const today = formatChinaTime(new Date().toISOString(), 'YYYY-MM-DD');
  const [state, set] = useTableState({ station: '', week: '' });
  const station = state.station || stations[0]?._id || '';
  const monday = state.week || mondayOf(today, 0);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const input = { workstationId: station, from: days[0], to: days[6], page: 1, pageSize: 50 };
  const shifts = useQuery('duty.listShifts', station ? input : null, JSON.stringify(input));
  const members = useQuery('duty.stationMembers', station ? { workstationId: station } : null, station);
  const [open, setOpen] = useState<Cell | null>(null);
  const [exporting, setExporting] = useState<'roster' | 'receptions' | ''>('');
  const [exportNote, setExportNote] = useState('');
  const [link, setLink] = useState<ExportDone | null>(null);
  const [exportError, setExportError] = useState('');
  // The week on screen, through the one export job: its progress and row count shown beside the buttons.
  const onExport = async (kind: 'roster' | 'receptions') => {
    setExporting(kind);
    setExportError('');
    setLink(null);
    try {
      const span = { workstationId: station, from: days[0], to: days[6] };
      const done = await runExport({ kind, [kind]: span }, setExportNote);
      setExportNote(done.text);
      setLink(done);
    } catch (e) {
      setExportNote('');
      setExportError(toCallError(e).message);
    } finally {
      setExporting('');
    }
  };

  const slots = useMemo(() => {
    const set = new Set((shifts.data?.items ?? []).map((s) => `${clock(s.start)}-${clock(s.end)}`));
    if (!set.size) set.add('09:00-12:00');
    return [...set].sort();
  }, [shifts.data]);
  const at = (date: string, slot: string) =>
    (shifts.data?.items ?? []).find((s) => s.date === date && `${clock(s.start)}-${clock(s.end)}` === slot) ?? null;
  const stationName = stations.find((s) => s._id === station)?.name ?? '';

  return (
    <section className="week" aria-label="值班周表">
      <div className="week__bar">
        <label className="week__pick">
          <span>工作站</span>
          <select value={station} onChange={(e) => set({ station: e.target.value })}>
            {stations.map((s) => (
              <option key={s._id} value={s._id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="dt__btn" onClick={() => set({ week: addDays(monday, -7) })}>
          上一周
        </button>
        <button type="button" className="dt__btn" onClick={() => set({ week: '' })}>
          本周
        </button>
        <button type="button" className="dt__btn" onClick={() => set({ week: addDays(monday, 7) })}>
          下一周
        </button>
        <span className="week__range">
          {days[0]} 至 {days[6]}
        </span>
        <span className="dt__grow" />
        <button
          type="button"
          className="dt__btn"
          disabled={!!exporting || !station}
          onClick={() => void onExport('roster')}
        >
          {exporting === 'roster' ? '正在导出…' : '导出排班与签到'}
        </button>
        <button
          type="button"
          className="dt__btn"
          disabled={!!exporting || !station}
          onClick={() => void onExport('receptions')}
        >
          {exporting === 'receptions' ? '正在导出…' : '导出接待记录'}
        </button>
        <button type="button" className="dt__btn dt__btn--primary" onClick={() => window.print()}>
          打印本周值班表
        </button>
      </div>
      {exportNote ? (
        <div className="week__export" role="status">
          <span>{exportNote}</span>
          {link && !exporting ? (
            <a className="dt__link" href={link.url} download={link.fileName}>
              下载 {link.fileName}
            </a>
          ) : null}
        </div>
      ) : null}
      <h2 className="week__print-title">
        {stationName} 值班表（{days[0]} 至 {days[6]}）
      </h2>
      {shifts.error || exportError ? <div className="banner-error">{shifts.error?.message ?? exportError}</div> : null}
      <table className="week__grid" aria-busy={shifts.loading}>
        <thead>
          <tr>
            <th className="week__slot">时段</th>
            {days.map((d, i) => {
              const detail = getDayDetail(d);
              const rest = !detail.work && i < 5;
              const makeUp = detail.work && i >= 5;
              return (
                <th
                  key={d}
                  className={`${!detail.work ? 'week__day--rest' : ''} ${d === today ? 'week__day--today' : ''}`}
                >
                  <div>
                    {WEEKDAYS[i]} {d.slice(5)}
                  </div>
                  {rest ? <div className="week__holiday">休 · {holidayName(detail.name)}</div> : null}
                  {makeUp ? <div className="week__makeup">调休上班</div> : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => (
            <tr key={slot}>
              <th className="week__slot">{slot}</th>
              {days.map((d) => {
                const s = at(d, slot);
                const cancelled = s?.status === 'cancelled';
                return (
                  <td key={d} className={!getDayDetail(d).work ? 'week__day--rest' : ''}>
                    <button
                      type="button"
                      className={`week__cell ${s ? 'week__cell--set' : ''} ${cancelled ? 'week__cell--cancelled' : ''}`}
                      aria-label={`${d} ${slot}${s ? `：${s.members.map((m) => m.name).join('、')}` : '：未排班'}`}
                      // While another week loads, the cells still show the last one: not to be edited.
                      disabled={shifts.loading}
                      onClick={() => setOpen({ date: d, slot, shift: s })}
                    >
                      {s ? (
                        s.members.map((m) => (
                          <span key={m.userId} className="week__member">
                            {m.name}
                          </span>
                        ))
                      ) : (
                        <span className="week__empty">＋ 排班</span>
                      )}
                      {cancelled ? <span className="week__note">已取消</span> : null}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {shifts.loading ? <div className="week__loading">加载中…</div> : null}
      {open ? (
        <SidePanel
          title={`${open.date} ${open.slot}${open.shift ? ' 修改班次' : ' 新增班次'}`}
          onClose={() => setOpen(null)}
          modal
        >
          <ShiftForm
            cell={open}
            station={station}
            members={members.data?.items ?? []}
            onDone={() => {
              setOpen(null);
              void shifts.reload();
            }}
          />
        </SidePanel>
      ) : null}
    </section>
  );
}

/** chinese-days names holidays in English keys ("National Day,国庆节"): keep the Chinese. */
function holidayName(name: string): string {
  const zh = name.split(',').pop() ?? '';
  return /[\u4e00-\u9fa5]/.test(zh) ? zh : '周末';
}

function ShiftForm(p: {
  cell: Cell;
  station: string;
  members: { _id: string; name: string; sectorName: string }[];
  onDone: () => void;
}) {
  const s = p.cell.shift;
  const [startTime, setStart] = useState(s ? clock(s.start) : p.cell.slot.slice(0, 5));
  const [endTime, setEnd] = useState(s ? clock(s.end) : p.cell.slot.slice(6));
  const [picked, setPicked] = useState<string[]>(s?.members.map((m) => m.userId) ?? []);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const requestId = useMemo(() => randomId(), []);
  const save = async () => {
    setBusy(true);
    setError('');
    try {
      if (s) await call('duty.updateShift', { shiftId: s._id, startTime, endTime, memberIds: picked }, { requestId });
      else
        await call(
          'duty.createShift',
          { workstationId: p.station, date: p.cell.date, startTime, endTime, memberIds: picked },
          { requestId },
        );
      p.onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const cancel = async () => {
    if (!s) return;
    setBusy(true);
    setError('');
    try {
      await call('duty.cancelShift', { shiftId: s._id, reason: reason.trim() }, { requestId: randomId() });
      p.onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="week-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="week-form__times">
        <label>
          开始 <input type="time" value={startTime} required onChange={(e) => setStart(e.target.value)} />
        </label>
        <label>
          结束 <input type="time" value={endTime} required onChange={(e) => setEnd(e.target.value)} />
        </label>
      </div>
      <fieldset className="week-form__members">
        <legend>值班委员（本站 {p.members.length} 人）</legend>
        {p.members.map((m) => (
          <label key={m._id}>
            <input
              type="checkbox"
              checked={picked.includes(m._id)}
              onChange={(e) => setPicked(e.target.checked ? [...picked, m._id] : picked.filter((x) => x !== m._id))}
            />
            {m.name}
            <span className="cell-muted"> {m.sectorName}</span>
          </label>
        ))}
      </fieldset>
      {error ? <div className="field__error">{error}</div> : null}
      <div className="week-form__actions">
        <button type="submit" className="dt__btn dt__btn--primary" disabled={busy}>
          {busy ? '保存中…' : '保存（回车）'}
        </button>
        {s && s.status !== 'cancelled' ? (
          <>
            <span className="dt__grow" />
            <input
              className="week-form__reason"
              value={reason}
              placeholder="取消原因（必填）"
              onChange={(e) => setReason(e.target.value)}
            />
            <button type="button" className="dt__btn" disabled={busy} onClick={() => void cancel()}>
              取消此班次
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}
