import { defineAction } from '../../shared/action';
import { pageShiftReceptions } from '../../shared/data/receptions';
import { shiftSeen } from '../domain/targets';
import { toReceptionView } from '../domain/views';

/** A shift's receptions: for its members, and for staff in scope. */
export default defineAction({
  name: 'duty.listReceptions',
  roles: ['member', 'staff', 'admin'],
  mutates: false,
  target: shiftSeen,
  async handler({ shiftId, page, pageSize }) {
    const { items, total } = await pageShiftReceptions(shiftId, page, pageSize);
    return { items: items.map(toReceptionView), total, page, pageSize };
  },
});
