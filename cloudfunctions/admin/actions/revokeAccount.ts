import { defineAction } from '../../shared/action';
import { updateUser } from '../../shared/data/users';
import { invalid } from '../../shared/errors';
import { accountTarget } from '../domain/accounts';

/**
 * Revokes a person's access: every role beyond citizen goes (their PC sessions stop at the next
 * call), the account, its records and its history stay, and an admin may restore it later.
 */
export default defineAction({
  name: 'admin.revokeAccount',
  roles: ['admin'],
  mutates: true,
  target: accountTarget,
  async handler(_input, ctx, { doc: user }) {
    if (user._id === (await ctx.caller()).user?._id) throw invalid({ userId: '不能停用自己的账号' });
    if (user.revokedAt) return { _id: user._id };
    const formerRoles = user.roles;
    await updateUser(user._id, { roles: [], formerRoles, revokedAt: ctx.now }, user);
    ctx.audit(`users/${user._id}`, { roles: formerRoles }, { roles: [], revokedAt: ctx.now });
    return { _id: user._id };
  },
});
