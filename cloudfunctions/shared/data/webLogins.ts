import type { WebLogin } from '@lxq/types';
import { db } from '../cloud';
import { alreadyChanged, changeRecord, rewound } from '../rewind';

const webLogins = () => db.collection('web_logins');

export async function insertWebLogin(login: WebLogin): Promise<void> {
  const { _id, ...rest } = login;
  await webLogins().add({ data: { _id, ...rest } });
}

/** The login, as this request first found it when it is a retry of a decision already made (resume.ts). */
export async function getWebLogin(id: string): Promise<WebLogin | null> {
  const { data } = await webLogins().where({ _id: id }).limit(1).get();
  return data[0] ? rewound(data[0] as WebLogin) : null;
}

/**
 * Moves a login on from `pending` (or from `from`) unless it has expired or someone else got
 * there first: true for the one caller whose change applied. This guard is what makes a code
 * work once.
 */
export async function decideWebLogin(
  id: string,
  now: Date,
  patch: Partial<WebLogin>,
  from: WebLogin['status'] = 'pending',
  /** The login as the caller read it (getWebLogin): the decision is recorded, to be known on a retry. */
  read?: WebLogin,
): Promise<boolean> {
  if (read && alreadyChanged(read)) return true;
  const guard = from === 'pending' ? { expiresAt: db.command.gt(now) } : {};
  const res = await webLogins()
    .where({ _id: id, status: from, ...guard })
    .update({ data: { ...patch, ...(read ? changeRecord(read, patch) : {}) } });
  return res.stats.updated === 1;
}
