import type { Role, User } from '@lxq/types';
import { mayAct, type Caller } from '../../cloudfunctions/shared/caller';

const caller = (roles: Role[], unitId = 'u-huining'): Caller => ({
  openid: 'o1',
  roles: ['citizen', ...roles],
  user: { _id: 'u1', openid: 'o1', name: '测试', roles, unitId, unitPath: [], createdAt: new Date() } as User,
});
const huiningPath = ['u-gansu', 'u-baiyin', 'u-huining'];
const cityPath = ['u-gansu', 'u-baiyin'];

test('when staff act on their own unit or below, then they may; above or beside it, they may not', () => {
  expect(mayAct(caller(['staff']), ['staff'], huiningPath)).toBe(true);
  expect(mayAct(caller(['staff'], 'u-baiyin'), ['staff'], huiningPath)).toBe(true);
  expect(mayAct(caller(['staff']), ['staff'], cityPath)).toBe(false);
  expect(mayAct(caller(['staff']), ['staff'], ['u-gansu', 'u-baiyin', 'u-jingyuan'])).toBe(false);
});

test('when a role is missing, then nothing is allowed; a member has no unit scope', () => {
  expect(mayAct(caller([]), ['staff', 'admin'])).toBe(false);
  expect(mayAct(caller(['member']), ['staff', 'member'], huiningPath)).toBe(false);
  expect(mayAct(caller(['member']), ['member'])).toBe(true);
  expect(mayAct({ openid: 'o2', roles: ['citizen'], user: null }, ['citizen'])).toBe(true);
});
