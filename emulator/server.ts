/**
 * The emulator's HTTP entry: one table of routes (method, path, handler) for the cloud protocol
 * of wx-server-sdk (/admin, routes/admin.ts), the h5 client's stand-ins for wx.cloud
 * (/__cloud/*, routes/cloud.ts) and the h5 build (routes/static.ts).
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformFailure } from './functions/failures';
import type { FunctionPool } from './functions/pool';
import { HttpError, sendJson } from './http';
import type { OpenApi } from './openapi/index';
import { adminRoutes } from './routes/admin';
import { cloudRoutes } from './routes/cloud';
import { staticRoutes } from './routes/static';
import type { Storage } from './storage/index';
import type { CallerIdentity } from './types';
import { functionEnvironment, webCallerEnv, type WebAuth } from './webAuth';

export type Body = Record<string, unknown>;

export type ClientAnswer = { result: unknown } | { failure: PlatformFailure };

export interface DatabaseLike {
  handle(body: Body): Promise<Body>;
}

export interface Runtime {
  pool: FunctionPool;
  storage: Storage;
  openapi: OpenApi;
  database: DatabaseLike;
  dataDir: string;
  appId: string;
  /** Custom login for web pages (webAuth.ts). */
  webAuth: WebAuth;
  staticDir?: string;
  /** Base URL for the emulator's own processes (workers): http://127.0.0.1:<port>. */
  internalBase(): string;
  /** Base URL for URLs handed out to browsers/phones (temp URLs, QR codes). */
  publicBase(): string;
  /** Client-style call: what wx.cloud.callFunction resolves with (`result`) or rejects with (`failure`). */
  callForClient(name: string, data: unknown, caller: CallerIdentity): Promise<ClientAnswer>;
  /** Whether the system is ready for use (the demo data is loaded): what /__cloud/health says. */
  isReady(): boolean;
  /** Fires a timer trigger now; answers its result (the app's INTERNAL envelope when it failed). */
  fireTimer(name: string, triggerName: string): Promise<unknown>;
}

/** What a route handler gets. */
export interface RouteContext {
  rt: Runtime;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  /** CORS headers for the request's origin (empty without one) */
  cors: Record<string, string>;
  /** the path after a prefix route's prefix, or the match of a RegExp route */
  rest: string;
}

export interface Route {
  methods: readonly string[];
  /** an exact path, a prefix ending in "/" (with `prefix: true`), or a pattern */
  path: string | RegExp;
  prefix?: boolean;
  handle(ctx: RouteContext): Promise<void> | void;
}

/** Routes in the order they are tried; the first whose method and path match answers. */
const ROUTES: readonly Route[] = [...adminRoutes, ...cloudRoutes, ...staticRoutes];

export function newRequestId(): string {
  return crypto.randomUUID();
}

/** A fresh citizen openid in the shape of a real one (28 chars, starting with "o"). */
export function newOpenid(): string {
  return 'o' + crypto.randomBytes(21).toString('base64url').slice(0, 27);
}

export function clientIp(req: IncomingMessage): string | undefined {
  const a = req.socket.remoteAddress;
  return a?.startsWith('::ffff:') ? a.slice(7) : a;
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': 'Content-Type, X-WX-OPENID, Authorization',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Expose-Headers': 'X-WX-OPENID',
    Vary: 'Origin',
  };
}

export function eventFor(data: unknown, caller: CallerIdentity, appId: string): Record<string, unknown> {
  const base = data && typeof data === 'object' && !Array.isArray(data) ? { ...(data as Record<string, unknown>) } : {};
  if (caller.openid) base.userInfo = { appId, openId: caller.openid };
  return base;
}

export function envFor(caller: CallerIdentity): Record<string, string | undefined> {
  return {
    WX_OPENID: caller.openid,
    WX_CLIENTIP: caller.clientIp,
    TCB_SOURCE: caller.source,
    ...webCallerEnv(caller.web),
    ...functionEnvironment(),
    ...tunedLimits(),
  };
}

/**
 * The functions' tunable limits (LXQ_*, such as the daily timer's page size), set the way a
 * deployer sets them on a function: taken from the emulator's own environment at each call, so a
 * test can lower one for the system it starts (a worker's own environment is the process's, which
 * a test cannot change).
 */
function tunedLimits(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('LXQ_') && e[1] !== undefined),
  );
}

function matches(route: Route, p: string): string | null {
  if (route.path instanceof RegExp) {
    const m = route.path.exec(p);
    return m ? m[0] : null;
  }
  if (route.prefix) return p.startsWith(route.path) ? p.slice(route.path.length) : null;
  return p === route.path ? '' : null;
}

async function handle(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const p = url.pathname;
  const method = req.method ?? 'GET';
  const cors = corsHeaders(req);
  for (const route of ROUTES) {
    if (!route.methods.includes(method)) continue;
    const rest = matches(route, p);
    if (rest !== null) return route.handle({ rt, req, res, url, method, cors, rest });
  }
  if (p === '/admin' || p.startsWith('/admin/')) throw new HttpError(405, '仅支持 POST');
  if (p.startsWith('/__cloud/')) {
    return sendJson(res, 404, { error: `未知的模拟器接口 ${method} ${p}` }, cors);
  }
  throw new HttpError(404, '未找到');
}

export function createHandler(rt: Runtime) {
  return (req: IncomingMessage, res: ServerResponse) => {
    handle(rt, req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        if (!res.headersSent) sendJson(res, err.status, { error: err.message }, corsHeaders(req));
        else res.end();
        return;
      }
      console.error('[emulator] 请求处理出错:', req.method, req.url, err);
      if (!res.headersSent) sendJson(res, 500, { error: '模拟器内部错误' });
      else res.end();
    });
  };
}
