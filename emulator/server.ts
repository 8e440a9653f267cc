import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FunctionNotFoundError, type FunctionPool } from './functions/pool';
import { timerTriggers } from './functions/timers';
import { boundaryOf, parseMultipart } from './multipart';
import { HttpError, parseJsonBody, readBody, sendBuffer, sendJson } from './http';
import { decodeRequestData, encodeResponse, type OpenApi } from './openapi/index';
import { mimeOf, type Storage } from './storage/index';
import type { CallerIdentity } from './types';
import { withFault } from './db/faults';

type Body = Record<string, unknown>;

const JSON_LIMIT = 10 * 1024 * 1024;
const UPLOAD_LIMIT = 50 * 1024 * 1024;
const OPENID_HEADER = 'x-wx-openid';
/** Error code the real platform reports when a function calls an openapi it didn't declare. */
const OPENAPI_NO_PERMISSION = -604101;

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
  staticDir?: string;
  /** Base URL for the emulator's own processes (workers): http://127.0.0.1:<port>. */
  internalBase(): string;
  /** Base URL for URLs handed out to browsers/phones (temp URLs, QR codes). */
  publicBase(): string;
  /** Client-style call: answers what wx.cloud.callFunction puts in `result`. */
  callForClient(name: string, data: unknown, caller: CallerIdentity): Promise<unknown>;
  /** Fires a timer trigger now; answers like callForClient. */
  fireTimer(name: string, triggerName: string): Promise<unknown>;
}

function newRequestId(): string {
  return crypto.randomUUID();
}

/** A fresh citizen openid in the shape of a real one (28 chars, starting with "o"). */
export function newOpenid(): string {
  return 'o' + crypto.randomBytes(21).toString('base64url').slice(0, 27);
}

function clientIp(req: IncomingMessage): string | undefined {
  const a = req.socket.remoteAddress;
  return a?.startsWith('::ffff:') ? a.slice(7) : a;
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': 'Content-Type, X-WX-OPENID',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Expose-Headers': 'X-WX-OPENID',
    Vary: 'Origin',
  };
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

async function handle(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const p = url.pathname;
  const method = req.method ?? 'GET';

  if (p === '/admin' || p.startsWith('/admin/')) {
    if (method !== 'POST') throw new HttpError(405, '仅支持 POST');
    // The cloud protocol is for the SDK inside functions, never for a browser page.
    if (req.headers.origin) throw new HttpError(403, '/admin 不接受浏览器请求');
    const m = /^\/admin\/w\/(\d+)/.exec(p);
    return handleAdmin(rt, req, res, m ? Number(m[1]) : null);
  }

  if (p.startsWith('/__cloud/')) {
    if (method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }
    return handleCloud(rt, req, res, url);
  }

  if (method === 'GET' || method === 'HEAD') return serveStatic(rt, req, res, p);
  throw new HttpError(404, '未找到');
}

// ---------------------------------------------------------------- /admin (wx-server-sdk)

async function handleAdmin(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  workerId: number | null,
): Promise<void> {
  const raw = await readBody(req, UPLOAD_LIMIT);
  const boundary = boundaryOf(req.headers['content-type']);
  let body: Body;
  const binary: Record<string, Buffer> = {};
  if (boundary) {
    body = {};
    for (const part of parseMultipart(raw, boundary)) {
      body[part.name] = part.data.toString('utf8');
      binary[part.name] = part.data;
    }
  } else {
    const parsed = parseJsonBody(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new HttpError(400, '请求体必须是 JSON 对象');
    body = parsed as Body;
  }
  const action = String(body.action ?? '');
  const active = workerId === null ? null : rt.pool.activeRequest(workerId);
  const requestId = newRequestId();

  if (action.startsWith('database.')) {
    let answer: Body;
    try {
      answer = await withFault(active, () => rt.database.handle(body));
    } catch (err) {
      console.error('[emulator] 数据库请求出错:', action, err);
      answer = { requestId, code: 'DATABASE_REQUEST_FAILED', message: (err as Error)?.message ?? String(err) };
    }
    return sendJson(res, 200, answer);
  }

  switch (action) {
    case 'functions.invokeFunction':
      return sendJson(res, 200, await invokeFromFunction(rt, body, active, requestId));
    case 'storage.getUploadMetadata': {
      let cloudPath: string;
      try {
        cloudPath = rt.storage.cleanPath(String(body.path ?? ''));
      } catch (e) {
        return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: (e as Error).message });
      }
      return sendJson(res, 200, {
        requestId,
        data: {
          url: rt.storage.uploadUrl(rt.internalBase(), cloudPath),
          token: 'emulator-token',
          authorization: 'emulator-authorization',
          fileId: rt.storage.fileIdOf(cloudPath),
          cosFileId: `emulator-${crypto.randomBytes(8).toString('hex')}`,
          download_url: rt.storage.tempUrl(rt.publicBase(), cloudPath, 86400),
        },
      });
    }
    case 'storage.batchGetDownloadUrl': {
      const list = Array.isArray(body.file_list) ? body.file_list : [];
      return sendJson(res, 200, { requestId, data: { download_list: rt.storage.downloadList(rt.publicBase(), list) } });
    }
    case 'storage.batchDeleteFile': {
      const list = Array.isArray(body.fileid_list) ? body.fileid_list.map(String) : [];
      return sendJson(res, 200, { requestId, data: { delete_list: rt.storage.deleteList(list) } });
    }
    case 'wx.openApi':
      return handleOpenApi(rt, res, String(body.apiName ?? ''), binary.requestData ?? Buffer.alloc(0), active);
    default:
      return sendJson(res, 200, { requestId, code: 'SYS_ERR', message: `模拟器不支持 action ${action || '(空)'}` });
  }
}

async function invokeFromFunction(
  rt: Runtime,
  body: Body,
  active: ReturnType<FunctionPool['activeRequest']>,
  requestId: string,
): Promise<Record<string, unknown>> {
  const name = String(body.function_name ?? '');
  let data: unknown = {};
  if (typeof body.request_data === 'string' && body.request_data) {
    try {
      data = JSON.parse(body.request_data);
    } catch {
      return { requestId, code: 'INVALID_PARAM', message: 'request_data 不是合法的 JSON' };
    }
  }
  // The callee runs as the same user as the request that called it, like the real platform.
  const caller: CallerIdentity = {
    openid: active?.caller.openid,
    clientIp: active?.caller.clientIp,
    source: active ? `${active.caller.source},scf` : 'scf',
  };
  try {
    const r = await rt.pool.invoke(name, eventFor(data, caller, rt.appId), caller, envFor(caller));
    return { requestId: r.requestId, data: { response_data: r.json ?? 'null' } };
  } catch (err) {
    if (err instanceof FunctionNotFoundError) {
      return {
        requestId,
        code: 'FUNCTIONS_REQUEST_FAIL',
        message: `[ResourceNotFound.Function] 云函数 ${name} 不存在`,
      };
    }
    console.error(
      `[emulator] 云函数 ${name}（由 ${active?.functionName ?? '?'} 调用）出错:`,
      (err as Error)?.stack ?? err,
    );
    return { requestId, code: 'FUNCTIONS_EXECUTE_FAIL', message: (err as Error)?.message ?? String(err) };
  }
}

export function eventFor(data: unknown, caller: CallerIdentity, appId: string): Record<string, unknown> {
  const base = data && typeof data === 'object' && !Array.isArray(data) ? { ...(data as Record<string, unknown>) } : {};
  if (caller.openid) base.userInfo = { appId, openId: caller.openid };
  return base;
}

export function envFor(caller: CallerIdentity): Record<string, string | undefined> {
  return { WX_OPENID: caller.openid, WX_CLIENTIP: caller.clientIp, TCB_SOURCE: caller.source };
}

async function handleOpenApi(
  rt: Runtime,
  res: ServerResponse,
  apiName: string,
  requestData: Buffer,
  active: ReturnType<FunctionPool['activeRequest']>,
): Promise<void> {
  const send = (buf: Buffer) => sendBuffer(res, 200, 'application/octet-stream', buf);
  // Like the platform: a function may only call the openapis listed in its config.json.
  if (active) {
    const allowed = active.config.permissions?.openapi ?? [];
    if (!allowed.includes(apiName)) {
      console.error(
        `[emulator] 云函数 ${active.functionName} 调用了未在 config.json permissions.openapi 中声明的 ${apiName}`,
      );
      return send(encodeResponse({ errorCode: OPENAPI_NO_PERMISSION, httpCode: 200 }));
    }
  }
  let params: Record<string, unknown>;
  try {
    params = decodeRequestData(requestData).params;
  } catch (e) {
    return sendJson(res, 200, { code: 'INVALID_PARAM', message: `requestData 解码失败: ${(e as Error).message}` });
  }
  const answer = await rt.openapi.call(apiName, params);
  return send(encodeResponse({ respData: answer.body, contentType: answer.contentType, httpCode: 200 }));
}

// ---------------------------------------------------------------- /__cloud (browser + tests)

async function jsonObject(req: IncomingMessage): Promise<Body> {
  const v = parseJsonBody(await readBody(req, JSON_LIMIT));
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new HttpError(400, '请求体必须是 JSON 对象');
  return v as Body;
}

async function handleCloud(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const p = url.pathname;
  const method = req.method ?? 'GET';
  const cors = corsHeaders(req);
  const isGet = method === 'GET' || method === 'HEAD';

  if (p === '/__cloud/health' && isGet) return sendJson(res, 200, { ok: true }, cors);

  if (p === '/__cloud/callFunction' && method === 'POST') {
    let openid = String(req.headers[OPENID_HEADER] ?? '').trim();
    const headers = { ...cors };
    if (!openid) {
      openid = newOpenid();
      headers['X-WX-OPENID'] = openid;
    } else if (!/^[A-Za-z0-9_-]{1,64}$/.test(openid)) {
      return sendJson(res, 400, { error: '请求头 X-WX-OPENID 格式错误' }, headers);
    }
    let body: Body;
    try {
      body = await jsonObject(req);
    } catch (e) {
      if (e instanceof HttpError) return sendJson(res, e.status, { error: `请求格式错误：${e.message}` }, headers);
      throw e;
    }
    if (typeof body.name !== 'string' || !body.name) {
      return sendJson(res, 400, { error: '请求格式错误：缺少云函数名称 name' }, headers);
    }
    const result = await rt.callForClient(body.name, body.data ?? {}, {
      openid,
      clientIp: clientIp(req),
      source: 'wx_client',
    });
    return sendJson(res, 200, { result }, headers);
  }

  if (p.startsWith('/__cloud/trigger/') && method === 'POST') {
    const name = decodeURIComponent(p.slice('/__cloud/trigger/'.length));
    if (!rt.pool.functionExists(name)) return sendJson(res, 404, { error: `云函数 ${name} 不存在` }, cors);
    const raw = await readBody(req, JSON_LIMIT);
    let wanted: string | undefined;
    if (raw.length) {
      try {
        wanted = (JSON.parse(raw.toString('utf8')) as { triggerName?: string }).triggerName;
      } catch {
        return sendJson(res, 400, { error: '请求体不是合法的 JSON' }, cors);
      }
    }
    const triggers = timerTriggers(rt.pool.readConfig(name));
    const trigger = wanted ? triggers.find((t) => t.name === wanted) : triggers[0];
    if (!trigger)
      return sendJson(res, 404, { error: `云函数 ${name} 没有${wanted ? `名为 ${wanted} 的` : ''}定时触发器` }, cors);
    const result = await rt.fireTimer(name, trigger.name);
    return sendJson(res, 200, { result }, cors);
  }

  if (p === '/__cloud/upload' && method === 'POST') {
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) return sendJson(res, 400, { error: '请使用 multipart/form-data 上传文件' }, cors);
    const parts = parseMultipart(await readBody(req, UPLOAD_LIMIT), boundary);
    const file = parts.find((x) => x.name === 'file');
    if (!file) return sendJson(res, 400, { error: '缺少文件字段 file' }, cors);
    const given = parts
      .find((x) => x.name === 'cloudPath')
      ?.data.toString('utf8')
      .trim();
    const ext = path
      .extname(file.filename ?? '')
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '');
    const month = new Date().toISOString().slice(0, 7);
    const cloudPath = given || `uploads/${month}/${crypto.randomBytes(12).toString('hex')}${ext}`;
    let fileID: string;
    try {
      fileID = rt.storage.write(cloudPath, file.data);
    } catch (e) {
      return sendJson(res, 400, { error: (e as Error).message }, cors);
    }
    return sendJson(res, 200, { fileID }, cors);
  }

  if (p === '/__cloud/tempUrl' && method === 'POST') {
    const body = await jsonObject(req);
    if (!Array.isArray(body.fileList)) return sendJson(res, 400, { error: 'fileList 必须是数组' }, cors);
    const list = body.fileList.map((f: unknown) =>
      typeof f === 'string'
        ? { fileid: f }
        : {
            fileid: String((f as { fileID?: unknown })?.fileID ?? ''),
            max_age: Number((f as { maxAge?: unknown })?.maxAge) || undefined,
          },
    );
    const out = rt.storage.downloadList(rt.publicBase(), list).map((d) => ({
      fileID: d.fileID,
      tempFileURL: d.tempFileURL,
      maxAge: d.maxAge,
      status: d.code === 'SUCCESS' ? 0 : -503003,
      errMsg: d.code === 'SUCCESS' ? 'ok' : (d.message ?? d.code),
    }));
    return sendJson(res, 200, { fileList: out }, cors);
  }

  if (p.startsWith('/__cloud/files/') && isGet) {
    let cloudPath: string;
    try {
      cloudPath = rt.storage.cleanPath(decodeURIComponent(p.slice('/__cloud/files/'.length)));
    } catch {
      return sendJson(res, 400, { error: '文件路径无效' }, cors);
    }
    const v = rt.storage.verify('get', cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'));
    if (v !== 'ok') return sendJson(res, 403, { error: v === 'expired' ? '链接已过期' : '签名无效' }, cors);
    const data = rt.storage.read(cloudPath);
    if (!data) return sendJson(res, 404, { error: '文件不存在' }, cors);
    return sendBuffer(res, 200, mimeOf(cloudPath), data, method === 'HEAD', {
      ...cors,
      'Cache-Control': 'private, max-age=60',
    });
  }

  if (p.startsWith('/__cloud/cos/') && (method === 'PUT' || method === 'POST')) {
    // Upload target handed out by storage.getUploadMetadata (wx-server-sdk PUTs the raw content).
    let cloudPath: string;
    try {
      cloudPath = rt.storage.cleanPath(decodeURIComponent(p.slice('/__cloud/cos/'.length)));
    } catch {
      return sendBuffer(res, 400, 'application/xml', Buffer.from(cosError('InvalidURI', '文件路径无效')));
    }
    const v = rt.storage.verify('put', cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'));
    if (v !== 'ok')
      return sendBuffer(
        res,
        403,
        'application/xml',
        Buffer.from(cosError('AccessDenied', v === 'expired' ? 'Request has expired' : 'Signature invalid')),
      );
    rt.storage.write(cloudPath, await readBody(req, UPLOAD_LIMIT));
    res.writeHead(200, { 'Content-Length': 0, ETag: `"${crypto.randomBytes(8).toString('hex')}"` });
    res.end();
    return;
  }

  if (p === '/__cloud/subscribe' && method === 'POST') {
    const body = await jsonObject(req);
    const openid = typeof body.openid === 'string' ? body.openid.trim() : '';
    const ids: string[] = Array.isArray(body.templateIds)
      ? body.templateIds.map(String)
      : typeof body.templateId === 'string'
        ? [body.templateId]
        : [];
    if (!openid) return sendJson(res, 400, { error: '缺少 openid' }, cors);
    if (ids.length === 0 || ids.some((x) => !x)) return sendJson(res, 400, { error: '缺少 templateId' }, cors);
    if (body.result !== 'accept' && body.result !== 'reject')
      return sendJson(res, 400, { error: "result 必须是 'accept' 或 'reject'" }, cors);
    const remaining: Record<string, number> = {};
    for (const id of ids) remaining[id] = rt.openapi.subscribe(openid, id, body.result === 'accept');
    return sendJson(res, 200, { ok: true, remaining }, cors);
  }

  if (p === '/__cloud/subscriptions' && isGet) {
    const openid = url.searchParams.get('openid') ?? '';
    if (!openid) return sendJson(res, 400, { error: '缺少 openid' }, cors);
    return sendJson(res, 200, { openid, subscriptions: rt.openapi.subscriptions(openid) }, cors);
  }

  if (p === '/__cloud/outbox' && isGet) return sendJson(res, 200, rt.openapi.outbox(), cors);

  if (p === '/__cloud/accounts' && isGet) {
    let accounts: unknown = [];
    try {
      accounts = JSON.parse(fs.readFileSync(path.join(rt.dataDir, 'accounts.json'), 'utf8'));
    } catch {
      accounts = [];
    }
    return sendJson(res, 200, Array.isArray(accounts) ? accounts : [], cors);
  }

  return sendJson(res, 404, { error: `未知的模拟器接口 ${method} ${p}` }, cors);
}

function cosError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>emulator</RequestId><TraceId>emulator</TraceId></Error>`;
}

// ---------------------------------------------------------------- static h5 build

async function serveStatic(rt: Runtime, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const head = req.method === 'HEAD';
  if (!rt.staticDir) return sendJson(res, 404, { error: '未配置 h5 静态目录' });
  const root = path.resolve(rt.staticDir);
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, '路径无效');
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (file !== root && !file.startsWith(root + path.sep)) throw new HttpError(403, '禁止访问');
  let target: string | null = null;
  try {
    const st = fs.statSync(file);
    if (st.isFile()) target = file;
    else if (st.isDirectory() && fs.existsSync(path.join(file, 'index.html'))) target = path.join(file, 'index.html');
  } catch {
    target = null;
  }
  if (!target) {
    const accept = String(req.headers.accept ?? '');
    const index = path.join(root, 'index.html');
    if ((accept.includes('text/html') || (accept.includes('*/*') && !path.extname(pathname))) && fs.existsSync(index)) {
      target = index;
    } else {
      return sendJson(res, 404, { error: '未找到' });
    }
  }
  const data = fs.readFileSync(target);
  const isHtml = target.endsWith('.html');
  sendBuffer(res, 200, mimeOf(target), data, head, { 'Cache-Control': isHtml ? 'no-cache' : 'public, max-age=300' });
}
