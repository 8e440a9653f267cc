import Taro from '@tarojs/taro';
import { call } from './call';
import { randomId } from './random';
import { onWebLoginLost, webBackend } from './webBackend';

/**
 * The PC console's sign-in state (h5): which session this browser holds, and the one way to
 * sign out (the desktop header and 我的 both call `signOut`).
 */
const SESSION_KEY = 'lxq_web_session';
const NAME_KEY = 'lxq_web_name';
export const LOGIN_PAGE = '/account/login';

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The session this PC is signed in with, or null (not signed in by scan). */
export function webSession(): { id: string; name: string } | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  const id = store()?.getItem(SESSION_KEY);
  return id ? { id, name: store()?.getItem(NAME_KEY) ?? '' } : null;
}

/** After the scan: trade the ticket for the platform's login and remember the session. */
export async function completeWebLogin(ticket: string, sessionId: string, name: string) {
  await webBackend.signInWithTicket(ticket);
  store()?.setItem(SESSION_KEY, sessionId);
  store()?.setItem(NAME_KEY, name);
}

/** Forgets the login in this browser (the session may already have been ended elsewhere). */
export async function forgetWebLogin() {
  store()?.removeItem(SESSION_KEY);
  store()?.removeItem(NAME_KEY);
  await webBackend.signOut();
}

/**
 * 退出登录: ends the session on the server (so the ticket's login is useless from now on), then
 * forgets it here and shows the sign-in code again. Leaving never fails for the person: a
 * session already ended elsewhere is simply forgotten.
 */
export async function signOut(): Promise<void> {
  const session = webSession();
  if (session) {
    await call('account.endSession', { id: session.id }, { requestId: randomId(24) }).catch(() => undefined);
  }
  await forgetWebLogin();
  toLoginPage();
}

/** The session was ended elsewhere: forget it here and show the code again. */
async function loginLost() {
  if (!webSession()) return;
  await forgetWebLogin();
  toLoginPage();
}
onWebLoginLost(() => void loginLost());

function toLoginPage() {
  // A fresh page, so nothing of the person stays in memory (who they were, their lists).
  if (process.env.TARO_ENV === 'h5') {
    window.location.replace(`${window.location.pathname}#${LOGIN_PAGE}`);
    window.location.reload();
  } else void Taro.reLaunch({ url: LOGIN_PAGE });
}

/** A short name for this browser, shown on the phone that confirms ("Chrome · Windows"). */
export function describeDevice(ua = typeof navigator === 'undefined' ? '' : navigator.userAgent): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '浏览器';
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '电脑';
  return `${browser} · ${os}`;
}
