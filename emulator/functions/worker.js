'use strict';
/**
 * Worker bootstrap for one instance of one cloud function (plain JS so it loads the same way
 * under tsx, jest and node). It sets process.env the way the real platform does so the
 * unmodified wx-server-sdk sends everything to the emulator and getWXContext() returns the
 * caller of the current request, then calls the bundle's main(event, context).
 * One request at a time: the pool never sends a second `run` before `done`.
 */
const { parentPort, workerData } = require('node:worker_threads');

const { bundlePath, adminUrl, envId, appId, functionName, timeoutMs, workerId, clockOffsetMs } = workerData;

// Constant for the instance's life (read by the SDK at init time as well as per call).
Object.assign(process.env, {
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
  TCB_ENV: envId,
  SCF_NAMESPACE: envId,
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_REGION: process.env.TENCENTCLOUD_REGION || 'ap-shanghai',
  TENCENTCLOUD_SECRETID: 'emulator-secret-id',
  TENCENTCLOUD_SECRETKEY: 'emulator-secret-key',
  TENCENTCLOUD_SESSIONTOKEN: 'emulator-session-token',
  SCF_FUNCTIONNAME: functionName,
  WX_CONTEXT_KEYS: 'WX_APPID,WX_OPENID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6',
  WX_APPID: appId,
  EMULATOR_WORKER_ID: String(workerId),
  // The station code's secret: deploy generates the real one; the emulator's is its own, not the app's source.
  DUTY_CODE_SECRET: process.env.DUTY_CODE_SECRET || `emulator-${envId}-duty-code-secret`,
  SILENCE: 'true',
});

// A test may move the functions' clock (EMULATOR_CLOCK_OFFSET_MS when the instance starts): to the
// end of a year or a holiday week, with time still running. Never set outside tests.
const clockOffset = clockOffsetMs || 0;
if (clockOffset) {
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + clockOffset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + clockOffset;
    }
  };
}

const PER_REQUEST_KEYS = ['WX_OPENID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6', 'TCB_SOURCE'];
// A web page's login (emulator/webAuth.ts), set only for such a caller.
PER_REQUEST_KEYS.push('TCB_CONTEXT_KEYS', 'TCB_UUID', 'TCB_CUSTOM_USER_ID', 'TCB_ISANONYMOUS_USER');

let mod = null;

process.on('unhandledRejection', (reason) => {
  console.error(`[emulator] 云函数 ${functionName} 未处理的 Promise 拒绝:`, reason);
});
process.on('uncaughtException', (err) => {
  console.error(`[emulator] 云函数 ${functionName} 未捕获的异常:`, err);
});

function serializeError(err) {
  if (err instanceof Error) return { message: err.message, stack: err.stack, name: err.name };
  try {
    return { message: typeof err === 'string' ? err : JSON.stringify(err) };
  } catch {
    return { message: String(err) };
  }
}

parentPort.on('message', async (msg) => {
  if (!msg || msg.type !== 'run') return;
  const { requestId, eventText, env } = msg;
  // The event comes as JSON text (eventJson.ts): parsed here, at any depth, like the platform's runtime.
  const event = JSON.parse(eventText);
  for (const k of PER_REQUEST_KEYS) delete process.env[k];
  for (const [k, v] of Object.entries(env || {})) {
    if (v !== undefined && v !== null) process.env[k] = String(v);
  }
  const context = {
    callbackWaitsForEmptyEventLoop: false,
    memory_limit_in_mb: 256,
    time_limit_in_ms: timeoutMs,
    request_id: requestId,
    requestId,
    function_name: functionName,
    function_version: '$LATEST',
    namespace: envId,
    tencentcloud_region: process.env.TENCENTCLOUD_REGION,
    tencentcloud_appid: '1300000000',
    tencentcloud_uin: '100000000000',
    environment: JSON.stringify({
      SCF_NAMESPACE: envId,
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TRIGGER_SRC',
      TCB_ENV: envId,
      TCB_SEQID: requestId,
      TRIGGER_SRC: 'tcb',
      WX_CONTEXT_KEYS: process.env.WX_CONTEXT_KEYS,
      WX_APPID: appId,
      WX_OPENID: process.env.WX_OPENID,
    }),
  };
  try {
    if (!mod) {
      mod = require(bundlePath);
    }
    const main = mod && (typeof mod.main === 'function' ? mod.main : mod.default && mod.default.main);
    if (typeof main !== 'function') {
      throw new Error(`云函数 ${functionName} 没有导出 main 函数`);
    }
    const result = await main(event, context);
    let json;
    try {
      json = result === undefined ? undefined : JSON.stringify(result);
    } catch (e) {
      throw new Error(`云函数 ${functionName} 的返回值无法序列化为 JSON: ${e && e.message}`);
    }
    parentPort.postMessage({ type: 'done', requestId, ok: true, json });
  } catch (err) {
    parentPort.postMessage({ type: 'done', requestId, ok: false, error: serializeError(err) });
  }
});

parentPort.postMessage({ type: 'online' });
