import { $, _, db } from '../../shared/cloud';
import { keyed, type IndicatorSource, type SourceQuery } from './types';

const received = (q: SourceQuery, by: string, extra: object = {}) =>
  db
    .collection('receptions')
    .aggregate()
    .match({ unitPath: q.unitId, date: _.gte(q.fromDate).and(_.lt(q.toDate)), ...extra })
    .group({ _id: by, receptions: $.sum(1), people: $.sum('$people') })
    .limit(10000)
    .end() as Promise<{ list: { _id: string; receptions: number; people: number }[] }>;

/** 接待: receptions recorded on duty in the period (by the shift's China date), and the people received. */
export const RECEPTION_SOURCE: IndicatorSource = {
  name: 'reception',
  member: {
    indicators: [
      { key: 'reception.count', label: '接待群众', unit: '次', defaultWeight: 1, hint: '值班时登记的接待' },
      { key: 'reception.people', label: '接待人数', unit: '人', defaultWeight: 0, hint: '接待记录的来访人数' },
    ],
    async perMember(q) {
      const { list } = await received(q, '$memberId', { memberId: _.in(q.memberIds) });
      return new Map(
        list.map((r) => [r._id, { figures: { 'reception.count': r.receptions, 'reception.people': r.people } }]),
      );
    },
  },
  station: {
    indicators: [
      { key: 'reception.count', label: '接待群众', unit: '次', defaultWeight: 1, hint: '值班时登记的接待' },
      { key: 'reception.people', label: '接待人数', unit: '人', defaultWeight: 0, hint: '接待记录的来访人数' },
    ],
    async perStation(q) {
      const { list } = await received(q, '$workstationId');
      return keyed(list, (r) => ({ 'reception.count': r.receptions, 'reception.people': r.people }));
    },
  },
};
