import { defineAction } from '../../shared/action';
import { findPerson, subjectConcern, subjectReception } from '../domain/subject';

/**
 * Staff's data-subject tool (the privacy page's "需要更正或删除个人信息，可以联系我们"): everything
 * stored about a person in the staff's units, found by the phone they left or their openid.
 */
export default defineAction({
  name: 'concern.subjectFind',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(who, ctx) {
    const found = await findPerson(await ctx.scopeUnitId(), who);
    return { concerns: found.concerns.map(subjectConcern), receptions: found.receptions.map(subjectReception) };
  },
});
