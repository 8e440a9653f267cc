import { defineAction } from '../../shared/action';
import { invalid } from '../../shared/errors';
import { pageStationShifts } from '../../shared/data/shifts';
import { stationUnit } from '../domain/scope';
import { chinaInstant } from '../domain/times';
import { toShiftView } from '../domain/views';

export default defineAction({
  name: 'duty.listShifts',
  roles: ['staff', 'admin'],
  mutates: false,
  unitOf: stationUnit,
  async handler({ workstationId, from, to, page, pageSize }) {
    if (to < from) throw invalid({ to: '结束日期不能早于开始日期' });
    const end = new Date(chinaInstant(to, '00:00').getTime() + 86_400_000);
    const { items, total } = await pageStationShifts(workstationId, chinaInstant(from, '00:00'), end, page, pageSize);
    return { items: items.map(toShiftView), total, page, pageSize };
  },
});
