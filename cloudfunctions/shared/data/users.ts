import type { User } from '@lxq/types';
import { db } from '../cloud';

const users = () => db.collection('users');

export async function findUserByOpenid(openid: string): Promise<User | null> {
  if (!openid) return null;
  const { data } = await users().where({ openid }).limit(1).get();
  return (data[0] as User) ?? null;
}

export async function insertUser(user: User): Promise<void> {
  const { _id, ...rest } = user;
  await users().add({ data: { _id, ...rest } });
}

export async function updateUser(id: string, patch: Partial<User>): Promise<void> {
  await users().doc(id).update({ data: patch });
}
