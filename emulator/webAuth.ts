/**
 * The platform's custom login, for web pages (the CloudBase web SDK's part of the cloud):
 * - the environment has a custom-login private key, as the console's 私钥下载 gives it
 *   ({private_key_id, private_key, env_id}); functions get it in CUSTOM_LOGIN_KEY
 *   (functionEnvironment), the way a deployer sets it on the real account function, and sign
 *   tickets with it;
 * - a page signs in anonymously, or with a ticket (`<private_key_id>/@@/<RS256 JWT>` whose `uid`
 *   is the custom user id), and gets an access token; a ticket is accepted only when it is
 *   signed by this environment's key, names this environment and has not expired;
 * - a call made with the token runs the function with the caller in TCB_UUID,
 *   TCB_CUSTOM_USER_ID and TCB_ISANONYMOUS_USER, listed in TCB_CONTEXT_KEYS, and no WX_OPENID:
 *   what @cloudbase/node-sdk's getUserInfo() reads on the platform.
 * Only the endpoints differ from the web SDK's: POST /__cloud/auth/anonymous and
 * /__cloud/auth/signin/custom {ticket}, then /__cloud/callFunction with `Authorization: Bearer`.
 */
import crypto, { type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http';

export interface WebCaller {
  uid: string;
  customUserId: string;
  anonymous: boolean;
}

interface LoginKey {
  private_key_id: string;
  private_key: string;
  env_id: string;
}

/** Like the platform's access token: two hours. */
const TOKEN_TTL_MS = 2 * 3_600_000;
/** The platform's rule for a custom user id. */
const CUSTOM_USER_ID = /^[a-zA-Z0-9_\-#@~=*(){}[\]:.,<>+]{4,32}$/;

export class WebAuth {
  private readonly key: LoginKey;
  private readonly publicKey: KeyObject;
  private readonly tokens = new Map<string, WebCaller & { expires: number }>();
  /** The custom user id each ticket-made login uid stands for, so a person keeps one uid. */
  private readonly uids = new Map<string, string>();

  constructor(envId: string) {
    this.key = environmentKey(envId);
    latestKey = this.key;
    this.publicKey = crypto.createPublicKey(this.key.private_key);
  }

  signInAnonymously() {
    return this.issue({ uid: crypto.randomUUID().replace(/-/g, ''), customUserId: '', anonymous: true });
  }

  /** The login state for a ticket, or why the platform would refuse it. */
  signInWithTicket(ticket: string): ReturnType<WebAuth['issue']> | { error: string } {
    const [keyId, jwt] = ticket.split('/@@/');
    if (!jwt || keyId !== this.key.private_key_id) return { error: 'ticket 不是由本环境的自定义登录私钥签发的' };
    const [header, payload, signature] = jwt.split('.');
    const signed = crypto
      .createVerify('RSA-SHA256')
      .update(`${header}.${payload}`)
      .verify(this.publicKey, Buffer.from(signature ?? '', 'base64url'));
    if (!signed) return { error: 'ticket 签名无效' };
    let claims: { env?: string; exp?: number; uid?: string };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return { error: 'ticket 格式错误' };
    }
    if (claims.env !== this.key.env_id) return { error: 'ticket 不属于本环境' };
    if (!claims.exp || claims.exp < Date.now()) return { error: 'ticket 已过期' };
    if (!claims.uid || !CUSTOM_USER_ID.test(claims.uid)) return { error: 'ticket 的用户标识无效' };
    let uid = this.uids.get(claims.uid);
    if (!uid) {
      uid = crypto.randomUUID().replace(/-/g, '');
      this.uids.set(claims.uid, uid);
    }
    return this.issue({ uid, customUserId: claims.uid, anonymous: false });
  }

  /** Who a request's `Authorization: Bearer` names: null without one, 'invalid' for a bad one. */
  callerOf(req: IncomingMessage): WebCaller | null | 'invalid' {
    const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    if (!m) return null;
    const found = this.tokens.get(m[1]);
    if (!found || found.expires < Date.now()) return 'invalid';
    return { uid: found.uid, customUserId: found.customUserId, anonymous: found.anonymous };
  }

  private issue(caller: WebCaller) {
    const token = crypto.randomBytes(32).toString('base64url');
    this.tokens.set(token, { ...caller, expires: Date.now() + TOKEN_TTL_MS });
    return { access_token: token, expires_in: TOKEN_TTL_MS / 1000, uid: caller.uid };
  }
}

/** The key functions are given (CUSTOM_LOGIN_KEY), one per environment id. */
const keys = new Map<string, LoginKey>();

function environmentKey(envId: string): LoginKey {
  let key = keys.get(envId);
  if (!key) {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    key = {
      private_key_id: crypto.randomUUID(),
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      env_id: envId,
    };
    keys.set(envId, key);
  }
  return key;
}

/**
 * The environment variables a deployer sets on the functions once (see the README): here the
 * custom-login key of the emulated environment, sent with every invocation.
 */
export function functionEnvironment(): Record<string, string> {
  return latestKey ? { CUSTOM_LOGIN_KEY: JSON.stringify(latestKey) } : {};
}

/** The emulator's environment (the last one started in this process; all use 'lxq-local'). */
let latestKey: LoginKey | null = null;

/** What a function's environment holds for a web caller (see the file's comment). */
export function webCallerEnv(web: WebCaller | undefined): Record<string, string> {
  if (!web) return {};
  return {
    TCB_CONTEXT_KEYS: 'TCB_UUID,TCB_CUSTOM_USER_ID,TCB_ISANONYMOUS_USER,TCB_SOURCE',
    TCB_UUID: web.uid,
    TCB_CUSTOM_USER_ID: web.customUserId,
    TCB_ISANONYMOUS_USER: String(web.anonymous),
  };
}

/** POST /__cloud/auth/anonymous and /__cloud/auth/signin/custom. */
export async function handleWebAuth(
  auth: WebAuth,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  headers: Record<string, string>,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: '仅支持 POST' }, headers);
  if (path === '/__cloud/auth/anonymous') return sendJson(res, 200, auth.signInAnonymously(), headers);
  if (path === '/__cloud/auth/signin/custom') {
    let ticket = '';
    try {
      ticket = String(
        (JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as { ticket?: unknown }).ticket ?? '',
      );
    } catch {
      ticket = '';
    }
    const answer = auth.signInWithTicket(ticket);
    return sendJson(res, 'error' in answer ? 401 : 200, answer, headers);
  }
  return sendJson(res, 404, { error: `未知的登录接口 ${path}` }, headers);
}
