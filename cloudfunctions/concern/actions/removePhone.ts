import { defineAction } from '../../shared/action';
import { changeWhere } from '../../shared/data/concerns';
import { ownConcern } from '../domain/load';

/**
 * The submitter takes their phone number off their own concern, whatever its status (the privacy
 * page's promise); the handler then reaches them only through the mini-program. Audited.
 */
export default defineAction({
  name: 'concern.removePhone',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownConcern,
  async handler({ id }, ctx, { doc: concern }) {
    if (concern.phone) {
      await changeWhere(id, { submitterOpenid: ctx.openid }, { set: { phone: null, updatedAt: ctx.now } });
    }
    ctx.audit(`concerns/${id}`, { phone: concern.phone ? 'set' : null }, { phone: null });
    return { phone: null };
  },
});
