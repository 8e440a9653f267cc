/**
 * /__cloud/*: what the h5 client and the tests use in place of wx.cloud (callFunction, upload,
 * temp URLs, subscriptions) and the emulator's own endpoints (health, outbox, timers, accounts).
 */
import { handleWebAuth } from '../webAuth';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { FUNCTION_TIMEOUT } from '../functions/failures';
import { timerTriggers } from '../functions/timers';
import { HttpError, parseJsonBody, readBody, sendBuffer, sendJson } from '../http';
import { discard, isMultipart, readMultipart } from '../multipart';
import { type Body, type Route, type RouteContext, clientIp, newOpenid } from '../server';
import { mimeOf } from '../storage/index';
import { OPENID_PATTERN, clientWriteRefusal, inOwnFolder, servingHeaders, webWriteRefusal } from '../storage/policy';

const JSON_LIMIT = 10 * 1024 * 1024;
const UPLOAD_LIMIT = 50 * 1024 * 1024;
const OPENID_HEADER = 'x-wx-openid';

/** The caller's openid from X-WX-OPENID ('' when absent), or null when the header is malformed. */
function openidOf(ctx: RouteContext): string | null {
  const openid = String(ctx.req.headers[OPENID_HEADER] ?? '').trim();
  return openid === '' || OPENID_PATTERN.test(openid) ? openid : null;
}

async function jsonObject(ctx: RouteContext): Promise<Body> {
  const v = parseJsonBody(await readBody(ctx.req, JSON_LIMIT));
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new HttpError(400, '请求体必须是 JSON 对象');
  return v as Body;
}

async function callFunction(ctx: RouteContext): Promise<void> {
  const { rt, req, res, cors } = ctx;
  let openid = openidOf(ctx);
  const headers = { ...cors };
  // A web page signed in through the platform's login: no openid, the login state says who.
  const web = rt.webAuth.callerOf(req);
  if (web === 'invalid') return sendJson(res, 401, { error: '登录已过期，请重新登录' }, headers);
  if (web) openid = '';
  else if (openid === null) return sendJson(res, 400, { error: '请求头 X-WX-OPENID 格式错误' }, headers);
  else if (!openid) {
    openid = newOpenid();
    headers['X-WX-OPENID'] = openid;
  }
  let body: Body;
  try {
    body = parseJsonBody(await readBody(req, JSON_LIMIT)) as Body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, '请求体必须是 JSON 对象');
  } catch (e) {
    if (e instanceof HttpError) return sendJson(res, e.status, { error: `请求格式错误：${e.message}` }, headers);
    throw e;
  }
  if (typeof body.name !== 'string' || !body.name) {
    return sendJson(res, 400, { error: '请求格式错误：缺少云函数名称 name' }, headers);
  }
  const answer = await rt.callForClient(body.name, body.data ?? {}, {
    openid: openid || undefined,
    clientIp: clientIp(req),
    source: web ? 'web' : 'wx_client',
    web: web ?? undefined,
  });
  if ('failure' in answer) {
    // the platform's rejection ({errCode, errMsg}) on a gateway status, never a `result`
    const status = answer.failure.errCode === FUNCTION_TIMEOUT ? 504 : 502;
    return sendJson(res, status, answer.failure, headers);
  }
  return sendJson(res, 200, { result: answer.result }, headers);
}

async function trigger(ctx: RouteContext): Promise<void> {
  const { rt, res, cors } = ctx;
  const name = decodeURIComponent(ctx.rest);
  if (!rt.pool.functionExists(name)) return sendJson(res, 404, { error: `云函数 ${name} 不存在` }, cors);
  const raw = await readBody(ctx.req, JSON_LIMIT);
  let wanted: string | undefined;
  if (raw.length) {
    try {
      wanted = (JSON.parse(raw.toString('utf8')) as { triggerName?: string }).triggerName;
    } catch {
      return sendJson(res, 400, { error: '请求体不是合法的 JSON' }, cors);
    }
  }
  const triggers = timerTriggers(rt.pool.readConfig(name));
  const t = wanted ? triggers.find((x) => x.name === wanted) : triggers[0];
  if (!t)
    return sendJson(res, 404, { error: `云函数 ${name} 没有${wanted ? `名为 ${wanted} 的` : ''}定时触发器` }, cors);
  const result = await rt.fireTimer(name, t.name);
  return sendJson(res, 200, { result }, cors);
}

/**
 * An upload from the client, streamed to disk. The caller (X-WX-OPENID; a new citizen without it,
 * as callFunction does) writes only in its own folder; without a cloudPath the file goes to
 * uploads/{openid}/. A PC signed in by custom login (Authorization: Bearer, as the web SDK's
 * storage does) writes as the platform's rule lets it (storage/policy.ts, webWriteRefusal).
 */
async function upload(ctx: RouteContext): Promise<void> {
  const { rt, req, res, cors } = ctx;
  let openid = openidOf(ctx);
  const headers = { ...cors };
  const web = rt.webAuth.callerOf(req);
  if (web === 'invalid') return sendJson(res, 401, { error: '登录已过期，请重新登录' }, headers);
  if (web?.anonymous) return sendJson(res, 403, { error: '请先登录再上传文件' }, headers);
  if (web) openid = web.uid;
  else if (openid === null) return sendJson(res, 400, { error: '请求头 X-WX-OPENID 格式错误' }, headers);
  else if (!openid) {
    openid = newOpenid();
    headers['X-WX-OPENID'] = openid;
  }
  if (!isMultipart(req)) return sendJson(res, 400, { error: '请使用 multipart/form-data 上传文件' }, headers);
  const form = await readMultipart(req, UPLOAD_LIMIT, () => rt.storage.spoolPath());
  try {
    const file = form.files.find((x) => x.name === 'file');
    if (!file?.path) return sendJson(res, 400, { error: '缺少文件字段 file' }, headers);
    const given = (form.fields.cloudPath ?? '').trim();
    const ext = path
      .extname(file.filename ?? '')
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '');
    const month = new Date().toISOString().slice(0, 7);
    let cloudPath: string;
    try {
      cloudPath = rt.storage.cleanPath(
        given || `uploads/${openid}/${month}-${crypto.randomBytes(12).toString('hex')}${ext}`,
      );
    } catch (e) {
      return sendJson(res, 400, { error: (e as Error).message }, headers);
    }
    const refusal = web
      ? webWriteRefusal(cloudPath, rt.storage.exists(cloudPath))
      : clientWriteRefusal(openid, cloudPath);
    if (refusal) return sendJson(res, 403, { error: refusal }, headers);
    return sendJson(res, 200, { fileID: rt.storage.adopt(file.path, cloudPath) }, headers);
  } finally {
    discard(form);
  }
}

async function tempUrl(ctx: RouteContext): Promise<void> {
  const { rt, res, cors } = ctx;
  const openid = openidOf(ctx);
  if (openid === null) return sendJson(res, 400, { error: '请求头 X-WX-OPENID 格式错误' }, cors);
  const body = await jsonObject(ctx);
  if (!Array.isArray(body.fileList)) return sendJson(res, 400, { error: 'fileList 必须是数组' }, cors);
  const list = body.fileList.map((f: unknown) =>
    typeof f === 'string'
      ? { fileid: f }
      : {
          fileid: String((f as { fileID?: unknown })?.fileID ?? ''),
          max_age: Number((f as { maxAge?: unknown })?.maxAge) || undefined,
        },
  );
  // a client is given links only to files in its own folder
  const mine = (fileid: string) => {
    const p = rt.storage.pathOf(fileid);
    return !!openid && !!p && inOwnFolder(openid, p);
  };
  const allowed = rt.storage.downloadList(
    rt.publicBase(),
    list.filter((f) => mine(f.fileid)),
  );
  const out = list
    .map((f) => {
      const d = allowed.find((a) => a.fileID === f.fileid);
      if (d) return d;
      return {
        fileID: f.fileid,
        tempFileURL: '',
        maxAge: 0,
        code: 'STORAGE_EXCEED_AUTHORITY',
        message: '没有权限读取这个文件',
      };
    })
    .map((d) => ({
      fileID: d.fileID,
      tempFileURL: d.tempFileURL,
      maxAge: d.maxAge,
      status: d.code === 'SUCCESS' ? 0 : d.code === 'STORAGE_EXCEED_AUTHORITY' ? -503002 : -503003,
      errMsg: d.code === 'SUCCESS' ? 'ok' : (d.message ?? d.code),
    }));
  return sendJson(res, 200, { fileList: out }, cors);
}

function serveFile({ rt, res, url, cors, method, rest }: RouteContext): void {
  let cloudPath: string;
  try {
    cloudPath = rt.storage.cleanPath(decodeURIComponent(rest));
  } catch {
    return sendJson(res, 400, { error: '文件路径无效' }, cors);
  }
  const v = rt.storage.verify('get', cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'));
  if (v !== 'ok') return sendJson(res, 403, { error: v === 'expired' ? '链接已过期' : '签名无效' }, cors);
  const data = rt.storage.read(cloudPath);
  if (!data) return sendJson(res, 404, { error: '文件不存在' }, cors);
  const { 'Content-Type': type, ...serving } = servingHeaders(cloudPath, mimeOf(cloudPath));
  return sendBuffer(res, 200, type, data, method === 'HEAD', {
    ...cors,
    ...serving,
    'Cache-Control': 'private, max-age=60',
  });
}

function cosError(code: string, message: string): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>emulator</RequestId><TraceId>emulator</TraceId></Error>`,
  );
}

/** Upload target handed out by storage.getUploadMetadata (wx-server-sdk PUTs the raw content). */
async function cosPut({ rt, req, res, url, rest }: RouteContext): Promise<void> {
  let cloudPath: string;
  try {
    cloudPath = rt.storage.cleanPath(decodeURIComponent(rest));
  } catch {
    return sendBuffer(res, 400, 'application/xml', cosError('InvalidURI', '文件路径无效'));
  }
  const v = rt.storage.verify('put', cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'));
  if (v !== 'ok')
    return sendBuffer(
      res,
      403,
      'application/xml',
      cosError('AccessDenied', v === 'expired' ? 'Request has expired' : 'Signature invalid'),
    );
  rt.storage.write(cloudPath, await readBody(req, UPLOAD_LIMIT));
  res.writeHead(200, { 'Content-Length': 0, ETag: `"${crypto.randomBytes(8).toString('hex')}"` });
  res.end();
}

async function subscribe(ctx: RouteContext): Promise<void> {
  const { rt, res, cors } = ctx;
  const body = await jsonObject(ctx);
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

function subscriptions({ rt, res, url, cors }: RouteContext): void {
  const openid = url.searchParams.get('openid') ?? '';
  if (!openid) return sendJson(res, 400, { error: '缺少 openid' }, cors);
  return sendJson(res, 200, { openid, subscriptions: rt.openapi.subscriptions(openid) }, cors);
}

function accounts({ rt, res, cors }: RouteContext): void {
  let list: unknown = [];
  try {
    list = JSON.parse(fs.readFileSync(path.join(rt.dataDir, 'accounts.json'), 'utf8'));
  } catch {
    list = [];
  }
  return sendJson(res, 200, Array.isArray(list) ? list : [], cors);
}

/** Ready (200) only once the system can be used; while the demo data loads, 503. */
function health({ rt, res, cors }: RouteContext): void {
  if (rt.isReady()) return sendJson(res, 200, { ok: true }, cors);
  return sendJson(res, 503, { ok: false, message: '正在载入演示数据，请稍候' }, { ...cors, 'Retry-After': '1' });
}

const GET = ['GET', 'HEAD'] as const;
const POST = ['POST'] as const;

export const cloudRoutes: readonly Route[] = [
  {
    methods: ['OPTIONS'],
    path: '/__cloud/',
    prefix: true,
    handle: ({ res, cors }) => {
      res.writeHead(204, cors);
      res.end();
    },
  },
  { methods: GET, path: '/__cloud/health', handle: health },
  {
    methods: ['GET', 'POST'],
    path: '/__cloud/auth/',
    prefix: true,
    handle: ({ rt, req, res, url, cors }) => handleWebAuth(rt.webAuth, req, res, url.pathname, cors),
  },
  { methods: POST, path: '/__cloud/callFunction', handle: callFunction },
  { methods: POST, path: '/__cloud/trigger/', prefix: true, handle: trigger },
  { methods: POST, path: '/__cloud/upload', handle: upload },
  { methods: POST, path: '/__cloud/tempUrl', handle: tempUrl },
  { methods: GET, path: '/__cloud/files/', prefix: true, handle: serveFile },
  { methods: ['PUT', 'POST'], path: '/__cloud/cos/', prefix: true, handle: cosPut },
  { methods: POST, path: '/__cloud/subscribe', handle: subscribe },
  { methods: GET, path: '/__cloud/subscriptions', handle: subscriptions },
  {
    methods: GET,
    path: '/__cloud/outbox',
    handle: ({ rt, res, cors }) => sendJson(res, 200, rt.openapi.outbox(), cors),
  },
  { methods: GET, path: '/__cloud/accounts', handle: accounts },
];
