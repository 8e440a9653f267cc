/**
 * POST /admin: the cloud protocol wx-server-sdk speaks from inside a function. One handler per
 * `action`; database.* goes to the database engine. A worker's requests come on /admin/w/<id>,
 * which tells whose call they belong to (the caller's identity, the function's openapi rights).
 */
import crypto from 'node:crypto';
import { withFault } from '../db/faults';
import { sdkFailure } from '../functions/failures';
import { FunctionNotFoundError, type FunctionPool } from '../functions/pool';
import { HttpError, parseJsonBody, readBody, sendBuffer, sendJson } from '../http';
import { isMultipart, readMultipart } from '../multipart';
import { decodeRequestData, encodeResponse } from '../openapi/index';
import { type Body, type Route, type RouteContext, type Runtime, envFor, eventFor, newRequestId } from '../server';
import type { CallerIdentity } from '../types';

/** Bodies from the SDK: database writes may carry many documents. */
const BODY_LIMIT = 50 * 1024 * 1024;
/** Error code the real platform reports when a function calls an openapi it didn't declare. */
const OPENAPI_NO_PERMISSION = -604101;

type Active = ReturnType<FunctionPool['activeRequest']>;

interface AdminRequest {
  rt: Runtime;
  ctx: RouteContext;
  body: Body;
  /** binary parts of a multipart body (the openapi's requestData) */
  binary: Record<string, Buffer>;
  active: Active;
  requestId: string;
}

type ActionHandler = (r: AdminRequest) => Promise<void> | void;

async function readAdminBody(ctx: RouteContext): Promise<{ body: Body; binary: Record<string, Buffer> }> {
  if (isMultipart(ctx.req)) {
    const m = await readMultipart(ctx.req, BODY_LIMIT);
    const body: Body = { ...m.fields };
    const binary: Record<string, Buffer> = {};
    for (const f of m.files) {
      const data = f.data ?? Buffer.alloc(0);
      body[f.name] = data.toString('utf8');
      binary[f.name] = data;
    }
    return { body, binary };
  }
  const parsed = parseJsonBody(await readBody(ctx.req, BODY_LIMIT));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new HttpError(400, '请求体必须是 JSON 对象');
  return { body: parsed as Body, binary: {} };
}

async function invokeFromFunction({ rt, body, active, requestId }: AdminRequest): Promise<Body> {
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
    web: active?.caller.web,
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
    return { requestId, ...sdkFailure(err) };
  }
}

async function openApi({ rt, ctx, body, binary, active }: AdminRequest): Promise<void> {
  const apiName = String(body.apiName ?? '');
  const send = (buf: Buffer) => sendBuffer(ctx.res, 200, 'application/octet-stream', buf);
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
    params = decodeRequestData(binary.requestData ?? Buffer.alloc(0)).params;
  } catch (e) {
    return sendJson(ctx.res, 200, { code: 'INVALID_PARAM', message: `requestData 解码失败: ${(e as Error).message}` });
  }
  const answer = await rt.openapi.call(apiName, params);
  return send(encodeResponse({ respData: answer.body, contentType: answer.contentType, httpCode: 200 }));
}

const ACTIONS: Record<string, ActionHandler> = {
  'functions.invokeFunction': async (r) => sendJson(r.ctx.res, 200, await invokeFromFunction(r)),
  'storage.getUploadMetadata': ({ rt, ctx, body, requestId }) => {
    let cloudPath: string;
    try {
      cloudPath = rt.storage.cleanPath(String(body.path ?? ''));
    } catch (e) {
      return sendJson(ctx.res, 200, { requestId, code: 'INVALID_PARAM', message: (e as Error).message });
    }
    return sendJson(ctx.res, 200, {
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
  },
  'storage.batchGetDownloadUrl': ({ rt, ctx, body, requestId }) => {
    const list = Array.isArray(body.file_list) ? body.file_list : [];
    return sendJson(ctx.res, 200, {
      requestId,
      data: { download_list: rt.storage.downloadList(rt.publicBase(), list) },
    });
  },
  'storage.batchDeleteFile': ({ rt, ctx, body, requestId }) => {
    const list = Array.isArray(body.fileid_list) ? body.fileid_list.map(String) : [];
    return sendJson(ctx.res, 200, { requestId, data: { delete_list: rt.storage.deleteList(list) } });
  },
  'wx.openApi': openApi,
};

async function admin(ctx: RouteContext): Promise<void> {
  // The cloud protocol is for the SDK inside functions, never for a browser page.
  if (ctx.req.headers.origin) throw new HttpError(403, '/admin 不接受浏览器请求');
  const m = /^\/admin\/w\/(\d+)/.exec(ctx.url.pathname);
  const workerId = m ? Number(m[1]) : null;
  const { body, binary } = await readAdminBody(ctx);
  const action = String(body.action ?? '');
  const requestId = newRequestId();
  const active = workerId === null ? null : ctx.rt.pool.activeRequest(workerId);
  if (action.startsWith('database.')) {
    let answer: Body;
    try {
      answer = await withFault(
        active,
        () => ctx.rt.database.handle(body),
        () => workerId !== null && ctx.rt.pool.killWorker(workerId),
        action,
      );
    } catch (err) {
      console.error('[emulator] 数据库请求出错:', action, err);
      answer = { requestId, code: 'DATABASE_REQUEST_FAILED', message: (err as Error)?.message ?? String(err) };
    }
    return sendJson(ctx.res, 200, answer);
  }
  const handler = ACTIONS[action];
  if (!handler)
    return sendJson(ctx.res, 200, { requestId, code: 'SYS_ERR', message: `模拟器不支持 action ${action || '(空)'}` });
  return handler({ rt: ctx.rt, ctx, body, binary, active, requestId });
}

export const adminRoutes: readonly Route[] = [{ methods: ['POST'], path: /^\/admin(\/|$)/, handle: admin }];
