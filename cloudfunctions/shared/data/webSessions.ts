import type { User, WebSession } from '@lxq/types';
import { _, db } from '../cloud';
import { alreadyChanged, changeRecord } from '../rewind';

const webSessions = () => db.collection('web_sessions');

export async function insertWebSession(session: WebSession): Promise<void> {
  const { _id, ...rest } = session;
  await webSessions().add({ data: { _id, ...rest } });
}

/**
 * A session with the user it belongs to, in one round trip (joined by openid): every call from
 * a signed-in PC pays this one read to learn who is calling.
 */
export async function sessionWithUser(id: string): Promise<{ session: WebSession; user: User | null } | null> {
  const { list } = await webSessions()
    .aggregate()
    .match({ _id: id })
    .lookup({ from: 'users', localField: 'openid', foreignField: 'openid', as: 'users' })
    .end();
  const row = list[0] as (WebSession & { users?: User[] }) | undefined;
  if (!row) return null;
  const { users, ...session } = row;
  return { session, user: users?.[0] ?? null };
}

/** A person's sessions still open at `now`, newest first (at most 50: nobody has more PCs). */
export async function listOpenSessions(openid: string, now: Date): Promise<WebSession[]> {
  const { data } = await webSessions()
    .where({ openid, endedAt: null, expiresAt: _.gt(now) })
    .orderBy('createdAt', 'desc')
    .limit(50)
    .get();
  return data as WebSession[];
}

/**
 * Ends one of the person's sessions: true when it was open and theirs, or when this very request
 * ended it before it died (resume.ts; one more read, on that path only).
 */
export async function endWebSession(id: string, openid: string, now: Date): Promise<boolean> {
  const res = await webSessions()
    .where({ _id: id, openid, endedAt: null })
    .update({ data: { endedAt: now, ...changeRecord({ endedAt: null }, { endedAt: now }) } });
  if (res.stats.updated === 1) return true;
  const { data } = await webSessions().where({ _id: id, openid }).limit(1).get();
  return !!data[0] && alreadyChanged(data[0] as WebSession);
}
