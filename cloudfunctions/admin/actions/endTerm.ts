import { defineAction } from '../../shared/action';
import { endTermOf, termEndedByRequest, termMembers } from '../../shared/data/users';
import { AppError } from '../../shared/errors';
import { openUnit, unitPathOf } from '../domain/units';

/**
 * 换届: the unit's members of the ending term lose the member role in one step. Their accounts,
 * records and history stay (a member who is also staff keeps that role); the new term is then
 * invited, one by one or by import.
 */
export default defineAction({
  name: 'admin.endTerm',
  roles: ['admin'],
  mutates: true,
  unitOf: unitPathOf,
  async handler(input, ctx) {
    const unit = await openUnit(input.unitId);
    const current = await termMembers(unit._id);
    // A retry of this very call that died after ending the term: those members count as found.
    const endedHere = current.length === input.count ? [] : await termEndedByRequest(unit._id);
    const members = [...current, ...endedHere].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (members.length !== input.count) {
      throw new AppError('CONFLICT', `委员名单已有变化：现有 ${members.length} 名委员，请重新确认`, {
        count: '人数已变化',
      });
    }
    const ended = (await endTermOf(unit._id, input.term, ctx.now)) + endedHere.length;
    ctx.audit(
      `org_units/${unit._id}/term`,
      { members: members.map((m) => ({ _id: m._id, name: m.name, roles: m.roles })) },
      { term: input.term, ended },
    );
    return { ended };
  },
});
