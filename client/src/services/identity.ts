import { randomId } from './random';

/**
 * Who the h5 build says it is. In WeChat the platform knows the caller; in the browser we keep an
 * anonymous citizen openid in localStorage and send it as X-WX-OPENID. The emulator's identity
 * picker overwrites it with a seeded account's openid.
 */
export const OPENID_KEY = 'lxq_openid';
export const IDENTITY_NAME_KEY = 'lxq_identity_name';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function anonymousOpenid(): string {
  return `h5_${randomId(24)}`;
}

export function getOpenid(): string {
  const s = storage();
  let id = s?.getItem(OPENID_KEY);
  if (!id) {
    id = anonymousOpenid();
    s?.setItem(OPENID_KEY, id);
  }
  return id;
}

export function getIdentityName(): string | null {
  return storage()?.getItem(IDENTITY_NAME_KEY) ?? null;
}

/** This browser's own citizen: made once and kept, so a demo finds again what it filed. */
const BROWSER_CITIZEN_KEY = 'lxq_browser_citizen';
export function browserCitizenOpenid(): string {
  const s = storage();
  let id = s?.getItem(BROWSER_CITIZEN_KEY);
  if (!id) {
    id = anonymousOpenid();
    s?.setItem(BROWSER_CITIZEN_KEY, id);
  }
  return id;
}

/** openid null = back to this browser's own citizen (the same one each time). */
export function setIdentity(openid: string | null, name: string | null): void {
  const s = storage();
  if (!s) return;
  s.setItem(OPENID_KEY, openid ?? browserCitizenOpenid());
  if (name) s.setItem(IDENTITY_NAME_KEY, name);
  else s.removeItem(IDENTITY_NAME_KEY);
}

export interface EmulatorAccount {
  openid: string;
  name: string;
  roles: string[];
  label?: string;
}

/** The seeded accounts, or null when the page is not served by the emulator. */
export async function fetchEmulatorAccounts(): Promise<EmulatorAccount[] | null> {
  if (typeof fetch === 'undefined') return null;
  try {
    const res = await fetch('/__cloud/accounts', { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    const body: unknown = await res.json();
    const list = Array.isArray(body) ? body : (body as { accounts?: unknown })?.accounts;
    if (!Array.isArray(list)) return null;
    return list.filter((a): a is EmulatorAccount => !!a && typeof a.openid === 'string' && typeof a.name === 'string');
  } catch {
    return null;
  }
}
