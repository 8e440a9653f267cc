import type { User } from '@lxq/types';
import { rewound } from '../../shared/rewind';
import { target } from '../../shared/target';
import { getUser } from '../../shared/data/users';
import { notFound } from '../../shared/errors';

/** A person's account, for an admin whose subtree holds the person's unit. */
export const accountTarget = target({
  load: async (input: { userId: string }) => {
    const user = await getUser(input.userId);
    if (!user) throw notFound('该账号不存在');
    // To a retry of a change that died after it, the person as that change found them.
    return rewound(user);
  },
  may: { staffInScope: (u: User) => u.unitPath },
  refuse: '该账号不在您的管辖范围内',
});

export function accountStatus(u: User): 'active' | 'revoked' | 'termEnded' {
  if (u.revokedAt) return 'revoked';
  if (u.termEnded && !u.roles.length) return 'termEnded';
  return 'active';
}
