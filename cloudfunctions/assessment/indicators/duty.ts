import { $, _, db } from '../../shared/cloud';
import { keyed, type IndicatorSource, type SourceQuery } from './types';

const scheduled = (q: SourceQuery) => ({
  unitPath: q.unitId,
  date: _.gte(q.fromDate).and(_.lt(q.toDate)),
  status: 'scheduled',
});
const outcomeIs = (outcomes: string[]) => $.sum($.cond({ if: $.in(['$members.outcome', outcomes]), then: 1, else: 0 }));

/**
 * 值班: the member's outcomes on the scheduled shifts of the period (by the shift's China date),
 * and per workstation the shifts planned, covered (someone signed in) and missed (over, nobody
 * signed in), and the members who attended. Served by shifts.unit_path_date.
 */
export const DUTY_SOURCE: IndicatorSource = {
  name: 'duty',
  member: {
    indicators: [
      { key: 'duty.attended', label: '值班出勤', unit: '次', defaultWeight: 3, hint: '按时签到或迟到签到的班次' },
      { key: 'duty.late', label: '值班迟到', unit: '次', defaultWeight: -1, hint: '签到晚于班次开始' },
      { key: 'duty.absent', label: '值班缺勤', unit: '次', defaultWeight: -5, hint: '班次结束仍未签到' },
      { key: 'duty.leave', label: '值班请假', unit: '次', defaultWeight: 0, hint: '经批准的请假' },
    ],
    async perMember(q) {
      const { list } = await db
        .collection('shifts')
        .aggregate()
        .match({ ...scheduled(q), 'members.userId': _.in(q.memberIds) })
        .unwind('$members')
        .match({ 'members.userId': _.in(q.memberIds) })
        .group({
          _id: '$members.userId',
          attended: outcomeIs(['on_time', 'late']),
          late: outcomeIs(['late']),
          absent: outcomeIs(['absent']),
          leave: outcomeIs(['leave']),
        })
        .limit(10000)
        .end();
      const rows = list as { _id: string; attended: number; late: number; absent: number; leave: number }[];
      return new Map(
        rows.map((r) => [
          r._id,
          {
            figures: {
              'duty.attended': r.attended,
              'duty.late': r.late,
              'duty.absent': r.absent,
              'duty.leave': r.leave,
            },
          },
        ]),
      );
    },
  },
  station: {
    indicators: [
      { key: 'duty.planned', label: '排班', unit: '班', defaultWeight: 0, hint: '期间安排的班次' },
      { key: 'duty.covered', label: '有人值守', unit: '班', defaultWeight: 2, hint: '至少一位委员签到的班次' },
      { key: 'duty.missed', label: '空岗', unit: '班', defaultWeight: -3, hint: '已结束而无人签到的班次' },
      { key: 'duty.members', label: '在岗委员', unit: '人', defaultWeight: 1, hint: '期间签到过的不同委员' },
    ],
    async perStation(q) {
      const { list } = await db
        .collection('shifts')
        .aggregate()
        .match(scheduled(q))
        .group({
          _id: '$workstationId',
          planned: $.sum(1),
          covered: $.sum($.cond({ if: $.gt(['$signedInCount', 0]), then: 1, else: 0 })),
          missed: $.sum($.cond({ if: $.and([$.eq(['$signedInCount', 0]), $.lte(['$end', q.now])]), then: 1, else: 0 })),
          // Who signed in, per shift; flattened and counted once each below.
          present: $.push(
            $.map({
              input: $.filter({ input: '$members', as: 'm', cond: $.in(['$$m.outcome', ['on_time', 'late']]) }),
              as: 'm',
              in: '$$m.userId',
            }),
          ),
        })
        .project({
          planned: 1,
          covered: 1,
          missed: 1,
          members: $.size($.reduce({ input: '$present', initialValue: [], in: $.setUnion(['$$value', '$$this']) })),
        })
        .limit(10000)
        .end();
      return keyed(
        list as { _id: string; planned: number; covered: number; missed: number; members: number }[],
        (r) => ({
          'duty.planned': r.planned,
          'duty.covered': r.covered,
          'duty.missed': r.missed,
          'duty.members': r.members,
        }),
      );
    },
  },
};
