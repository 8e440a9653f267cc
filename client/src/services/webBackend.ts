/**
 * How a web page reaches the functions once it has a login of its own (h5 only):
 * - the production console (LXQ_WEB_CLOUD): the CloudBase web SDK, loaded on first use so the
 *   citizen pages and the weapp build never carry it;
 * - on the emulator: the same steps against its stand-in for the platform's login
 *   (emulator/webAuth.ts), with the access token kept in localStorage.
 * Either way a page is first signed in anonymously (to show its code) and then with the
 * custom-login ticket the scan earned; no openid is ever sent.
 */
export interface WebBackend {
  /** Whether this browser holds a login (anonymous or by ticket). */
  hasLogin(): boolean;
  signInAnonymously(): Promise<void>;
  signInWithTicket(ticket: string): Promise<void>;
  callFunction(name: string, data: unknown): Promise<unknown>;
  /** Puts a file at `cloudPath` as the signed-in person (the platform records them as its owner). */
  uploadFile(cloudPath: string, file: Blob): Promise<string>;
  signOut(): Promise<void>;
}

const TOKEN_KEY = 'lxq_web_token';

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Thrown when the login service no longer accepts the page's token. */
export class WebLoginLost extends Error {}

let lost: () => void = () => undefined;

/** What to do when the server refuses the page's login (webLogin.ts: show the code again). */
export function onWebLoginLost(handler: () => void) {
  lost = handler;
}

/** Called by call() when the server answers that the caller's login no longer counts. */
export function webLoginLost() {
  lost();
}

const emulatorBackend: WebBackend = {
  hasLogin: () => !!store()?.getItem(TOKEN_KEY),
  async signInAnonymously() {
    await signIn('/__cloud/auth/anonymous', {});
  },
  async signInWithTicket(ticket) {
    await signIn('/__cloud/auth/signin/custom', { ticket });
  },
  async callFunction(name, data) {
    const res = await fetch('/__cloud/callFunction', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${store()?.getItem(TOKEN_KEY) ?? ''}` },
      body: JSON.stringify({ name, data }),
    });
    if (res.status === 401) {
      store()?.removeItem(TOKEN_KEY);
      throw new WebLoginLost();
    }
    return ((await res.json()) as { result?: unknown }).result;
  },
  async uploadFile(cloudPath, file) {
    const form = new FormData();
    form.append('file', file, cloudPath.split('/').pop());
    form.append('cloudPath', cloudPath);
    const res = await fetch('/__cloud/upload', {
      method: 'POST',
      headers: { authorization: `Bearer ${store()?.getItem(TOKEN_KEY) ?? ''}` },
      body: form,
    });
    if (res.status === 401) {
      store()?.removeItem(TOKEN_KEY);
      throw new WebLoginLost();
    }
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return ((await res.json()) as { fileID: string }).fileID;
  },
  async signOut() {
    store()?.removeItem(TOKEN_KEY);
  },
};

async function signIn(path: string, body: object) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new WebLoginLost();
  store()?.setItem(TOKEN_KEY, ((await res.json()) as { access_token: string }).access_token);
}

/** The little of the web SDK we use (its own typings pull in the whole SDK's types). */
interface CloudbaseApp {
  auth(opts: { persistence: 'local' }): {
    hasLoginState(): unknown;
    signInAnonymously(): Promise<unknown>;
    signInWithCustomTicket(get: () => Promise<string>): Promise<unknown>;
    signOut(): Promise<unknown>;
  };
  callFunction(opts: { name: string; data: unknown }): Promise<{ result?: unknown }>;
  /** In a browser the SDK takes the File itself as filePath. */
  uploadFile(opts: { cloudPath: string; filePath: File }): Promise<{ fileID: string }>;
}

let cloudApp: Promise<CloudbaseApp> | null = null;

/** The web SDK's app, made once; its modules are fetched only now (a chunk of their own). */
function loadCloud(): Promise<CloudbaseApp> {
  // A constant condition: builds other than the production console drop the SDK's imports.
  cloudApp ??= LXQ_WEB_CLOUD
    ? (async () => {
        const [{ default: cloudbase }, { registerAuth }, { registerFunctions }, { registerStorage }] =
          await Promise.all([
            import(/* webpackChunkName: "cloudbase" */ '@cloudbase/js-sdk/app'),
            import(/* webpackChunkName: "cloudbase" */ '@cloudbase/js-sdk/auth'),
            import(/* webpackChunkName: "cloudbase" */ '@cloudbase/js-sdk/functions'),
            import(/* webpackChunkName: "cloudbase" */ '@cloudbase/js-sdk/storage'),
          ]);
        registerAuth(cloudbase);
        registerFunctions(cloudbase);
        registerStorage(cloudbase);
        return cloudbase.init({ env: CLOUD_ENV }) as unknown as CloudbaseApp;
      })()
    : Promise.reject(new Error('CloudBase web SDK is only in the production h5 console'));
  return cloudApp;
}

const LOGGED_IN_KEY = 'lxq_web_cloud_login';

const cloudBackend: WebBackend = {
  // The SDK keeps its own login state in localStorage; this mark spares loading it to ask.
  hasLogin: () => !!store()?.getItem(LOGGED_IN_KEY),
  async signInAnonymously() {
    const auth = (await loadCloud()).auth({ persistence: 'local' });
    if (!auth.hasLoginState()) await auth.signInAnonymously();
    store()?.setItem(LOGGED_IN_KEY, '1');
  },
  async signInWithTicket(ticket) {
    await (await loadCloud()).auth({ persistence: 'local' }).signInWithCustomTicket(() => Promise.resolve(ticket));
    store()?.setItem(LOGGED_IN_KEY, '1');
  },
  async callFunction(name, data) {
    // A page that has not signed in yet is an anonymous visitor (anonymous login is enabled).
    if (!cloudBackend.hasLogin()) await cloudBackend.signInAnonymously();
    return (await (await loadCloud()).callFunction({ name, data })).result;
  },
  async uploadFile(cloudPath, file) {
    const name = cloudPath.split('/').pop() ?? 'file';
    const filePath = new File([file], name, { type: file.type });
    return (await (await loadCloud()).uploadFile({ cloudPath, filePath })).fileID;
  },
  async signOut() {
    store()?.removeItem(LOGGED_IN_KEY);
    await (await loadCloud()).auth({ persistence: 'local' }).signOut();
  },
};

/** The mini-program reaches the functions through wx.cloud (call.ts) and never holds a web login. */
const noWebBackend: WebBackend = {
  hasLogin: () => false,
  signInAnonymously: () => Promise.reject(new Error('no web login in the mini-program')),
  signInWithTicket: () => Promise.reject(new Error('no web login in the mini-program')),
  callFunction: () => Promise.reject(new Error('no web login in the mini-program')),
  uploadFile: () => Promise.reject(new Error('no web login in the mini-program')),
  signOut: () => Promise.resolve(),
};

// Constant conditions: the weapp build carries neither web backend (its main package is budgeted).
export const webBackend: WebBackend =
  process.env.TARO_ENV !== 'h5' ? noWebBackend : LXQ_WEB_CLOUD ? cloudBackend : emulatorBackend;
