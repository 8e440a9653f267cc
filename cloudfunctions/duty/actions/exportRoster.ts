import { DUTY_OUTCOME_LABELS, type Shift } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { pageStationShifts } from '../../shared/data/shifts';
import { getWorkstation } from '../../shared/data/workstations';
import { invalid } from '../../shared/errors';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { stationUnit } from '../domain/scope';
import { chinaInstant } from '../domain/times';

/** A roster sheet covers at most a quarter; a longer span is several files. */
const MAX_DAYS = 92;
const CHUNK = 200;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const HEADER = ['日期', '星期', '开始', '结束', '工作站', '值班委员', '界别', '签到情况', '签到时间', '班次状态'];
const WIDTHS = [12, 6, 10, 10, 26, 10, 14, 10, 18, 10];

/**
 * One workstation's roster over a span as a workbook: a row per member per shift (so a sheet can
 * be filtered by person), real dates and times in China time, cancelled shifts kept and marked.
 */
export default defineAction({
  name: 'duty.exportRoster',
  roles: ['staff', 'admin'],
  mutates: false,
  unitOf: stationUnit,
  async handler({ workstationId, from, to }, ctx) {
    if (to < from) throw invalid({ to: '结束日期不能早于开始日期' });
    const start = chinaInstant(from, '00:00');
    const end = new Date(chinaInstant(to, '00:00').getTime() + 86_400_000);
    if (end.getTime() - start.getTime() > MAX_DAYS * 86_400_000) {
      throw invalid({ to: `一次最多导出 ${MAX_DAYS} 天的排班` });
    }
    const station = await getWorkstation({ id: workstationId });
    const shifts: Shift[] = [];
    for (let page = 1; ; page += 1) {
      const { items } = await pageStationShifts(workstationId, start, end, page, CHUNK);
      shifts.push(...items);
      if (items.length < CHUNK) break;
    }
    const rows: Cell[][] = shifts.flatMap((s) =>
      s.members.map((m): Cell[] => [
        { date: new Date(s.start), format: 'date' },
        WEEKDAYS[inChina(s.start).day()],
        inChina(s.start).format('HH:mm'),
        inChina(s.end).format('HH:mm'),
        s.workstationName,
        m.name,
        m.sectorName,
        s.status === 'cancelled' ? '' : DUTY_OUTCOME_LABELS[m.outcome],
        m.signedInAt ? { date: new Date(m.signedInAt), format: 'datetime' } : '',
        s.status === 'cancelled' ? '已取消' : '正常',
      ]),
    );
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const bytes = workbook([{ name: '排班', header: HEADER, rows, widths: WIDTHS }]);
    const url = await putFile(`exports/roster/${workstationId}/${stamp}-${ctx.newId().slice(0, 6)}.xlsx`, bytes);
    return { fileName: `排班-${station.name}-${from}至${to}.xlsx`, url, rows: rows.length, shifts: shifts.length };
  },
});
