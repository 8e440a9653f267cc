import { defineAction } from '../../shared/action';
import { changeWhere } from '../../shared/data/concerns';
import { requestMark } from '../../shared/resume';
import { ownConcern } from '../domain/load';

/**
 * The submitter takes their phone number off their own concern, whatever its status (the privacy
 * page's promise); the handler then reaches them only through the mini-program. Audited. The change
 * records the request that made it, so a retry after a crash knows the phone was there before.
 */
export default defineAction({
  name: 'concern.removePhone',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownConcern,
  async handler({ id }, ctx, { doc: concern }) {
    const mark = requestMark();
    const hadPhone = !!concern.phone || (!!mark && concern.phoneRemovedBy === mark);
    if (concern.phone) {
      await changeWhere(
        id,
        { submitterOpenid: ctx.openid },
        { set: { phone: null, phoneRemovedBy: mark, updatedAt: ctx.now } },
      );
    }
    ctx.audit(`concerns/${id}`, { phone: hadPhone ? 'set' : null }, { phone: null });
    return { phone: null };
  },
});
