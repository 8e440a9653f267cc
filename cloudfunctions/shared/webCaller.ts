import { webIdentity } from './cloud';
import { sessionWithUser } from './data/webSessions';
import { SCOPED_ROLES } from './caller';

/**
 * The openid a web caller acts as, or '' when it may not act at all.
 * - Signed in by scan: the custom user id is a session id; the session must be open, unexpired,
 *   and its person must still hold a staff or admin role (one joined read). What the browser
 *   sends cannot choose the person: the id comes from the platform's login state, and the
 *   person from our own session record.
 * - Signed in anonymously (a PC showing the code): a citizen of its own, `web:<uid>`, which
 *   cannot collide with a WeChat openid.
 */
export async function webCallerOpenid(now: Date): Promise<string> {
  const web = webIdentity();
  if (!web) return '';
  if (web.customUserId) {
    const found = await sessionWithUser(web.customUserId);
    if (!found) return '';
    const { session, user } = found;
    const open = !session.endedAt && new Date(session.expiresAt) > now;
    const stillStaff = !!user && user._id === session.userId && user.roles.some((r) => SCOPED_ROLES.includes(r));
    return open && stillStaff ? session.openid : '';
  }
  return `web:${web.uid}`;
}

/** Whether the caller is a web page (for the message a refused one reads). */
export const isWebCaller = () => webIdentity() !== null;
