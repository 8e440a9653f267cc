import { concernNo, DUTY_OUTCOME_LABELS, type ActionParsed, type ExportJob } from '@lxq/types';
import { countRosterRows, rosterRows } from '../../shared/data/shifts';
import { countStationReceptions, stationReceptions } from '../../shared/data/receptions';
import { maskPhone } from '../../shared/mask';
import { inChina } from '../../shared/time';
import { chinaInstant } from '../../duty/domain/times';
import { getWorkstation } from '../../shared/data/workstations';
import type { Source } from './sources';

type Span = NonNullable<ActionParsed<'exportJob.start'>['roster']>;

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The span's China days as instants: shifts starting from `from` 00:00 to the day after `to`. */
function spanOf(job: ExportJob) {
  const { workstationId, from, to } = job.filter as Span;
  const start = chinaInstant(from, '00:00');
  return { workstationId, from, to, start, end: new Date(chinaInstant(to, '00:00').getTime() + 86_400_000) };
}

/** The station and the span, in the file's name. */
async function subject(job: ExportJob) {
  const { workstationId, from, to } = spanOf(job);
  return `${(await getWorkstation({ id: workstationId })).name}-${from}至${to}`;
}

/**
 * 排班与签到: one station's roster over the page's span, a row per member per shift (so a sheet
 * can be filtered by person) with how they attended; cancelled shifts kept and marked.
 */
export const rosterSource: Source = {
  sheet: '排班',
  header: [
    '日期',
    '星期',
    '开始',
    '结束',
    '工作站',
    '值班委员',
    '界别',
    '签到情况',
    '签到时间',
    '签退时间',
    '班次状态',
  ],
  widths: [12, 6, 10, 10, 26, 10, 14, 10, 18, 18, 10],
  subject,
  async count(job) {
    const s = spanOf(job);
    return countRosterRows(s.workstationId, s.start, s.end);
  },
  async rows(job, skip, limit) {
    const s = spanOf(job);
    return (await rosterRows(s.workstationId, s.start, s.end, skip, limit)).map((r) => {
      const m = r.members;
      const cancelled = r.status === 'cancelled';
      return [
        { date: new Date(r.start), format: 'date' },
        WEEKDAYS[inChina(r.start).day()],
        inChina(r.start).format('HH:mm'),
        inChina(r.end).format('HH:mm'),
        r.workstationName,
        m.name,
        m.sectorName,
        cancelled ? '' : DUTY_OUTCOME_LABELS[m.outcome],
        m.signedInAt ? { date: new Date(m.signedInAt), format: 'datetime' } : '',
        m.signedOutAt ? { date: new Date(m.signedOutAt), format: 'datetime' } : '',
        cancelled ? '已取消' : '正常',
      ];
    });
  },
};

/** 值班接待: the receptions recorded at the station over the span; phones masked as on screen. */
export const receptionsSource: Source = {
  sheet: '值班接待',
  header: ['日期', '登记时间', '工作站', '值班委员', '接待人数', '接待事项', '来访人', '联系电话', '转为诉求'],
  widths: [12, 18, 26, 10, 10, 40, 10, 14, 12],
  subject,
  async count(job) {
    const s = spanOf(job);
    return countStationReceptions(s.workstationId, s.from, s.to);
  },
  async rows(job, skip, limit) {
    const s = spanOf(job);
    return (await stationReceptions(s.workstationId, s.from, s.to, skip, limit)).map((r) => [
      r.date,
      { date: new Date(r.createdAt), format: 'datetime' },
      r.workstationName,
      r.memberName,
      r.people,
      r.topic,
      r.visitorName ?? '',
      maskPhone(r.visitorPhone) ?? '',
      r.concernId ? concernNo(r.concernId) : '',
    ]);
  },
};
