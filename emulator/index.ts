/**
 * Local emulator of WeChat Cloud Development: one HTTP port serving the cloud protocol used by
 * the unmodified wx-server-sdk (/admin), the h5 client's stand-ins for wx.cloud (/__cloud/*) and
 * the h5 build. Functions run in worker threads; the database engine lives in ./db.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database } from './db/index';
import { FunctionNotFoundError, FunctionPool, FunctionTimeoutError } from './functions/pool';
import { TimerScheduler, timerEvent, timerTriggers } from './functions/timers';
import { OpenApi } from './openapi/index';
import { MediaCheckQueue } from './openapi/mediaCheck';
import { Storage } from './storage/index';
import { CallFunctionFailure, clientFailure } from './functions/failures';
import { type ClientAnswer, createHandler, envFor, eventFor, newOpenid, type Runtime } from './server';
import type { CallerIdentity, CollectionDecl, OutboxEntry } from './types';
import { WebAuth } from './webAuth';

export type { CollectionDecl, IndexDecl, OutboxEntry, FunctionConfig } from './types';
export { nextFireTime, parseCron } from './functions/cron';
export { CallFunctionFailure, FUNCTION_CRASH, FUNCTION_TIMEOUT } from './functions/failures';

export interface EmulatorOptions {
  /** default 8787; 0 = random free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** <dataDir>/db.sqlite (db engine), <dataDir>/files (storage), <dataDir>/openapi.sqlite */
  dataDir: string;
  /** <functionsDir>/<name>/index.js exporting main(event, context), plus config.json */
  functionsDir: string;
  collections: CollectionDecl[];
  /** the h5 build, served at / (SPA fallback to index.html) */
  staticDir?: string;
  strictIndexes?: boolean;
  /** run timer triggers on their schedule (default true) */
  timers?: boolean;
  /** msgSecCheck risky words, or lists per label (default: the built-in lists per label) */
  wordList?: string[] | Record<number, string[]>;
  /** default 'wx_emulator_appid' */
  appId?: string;
  /** default 'lxq-local' */
  envId?: string;
  /** base URL used in temp URLs / QR codes (default http://127.0.0.1:<port>) */
  publicUrl?: string;
  /** instances per function (default 10) */
  maxInstancesPerFunction?: number;
  /**
   * Whether /__cloud/health answers ready from the start (default true). `npm start` passes false
   * and calls markReady() once the demo data is loaded, so nothing that waits for health (a
   * browser journey, a script) finds an empty system.
   */
  ready?: boolean;
  /** How long after security.mediaCheckAsync its wxa_media_check event is pushed (default 200 ms). */
  mediaCheckDelayMs?: number;
}

export interface Emulator {
  url: string;
  port: number;
  adminUrl: string;
  database: Database;
  /**
   * Same path as POST /__cloud/callFunction; answers its `result`, or rejects with a
   * CallFunctionFailure (errCode -504003 timeout, -504002 crash) as wx.cloud.callFunction does.
   */
  callFunction(name: string, data: unknown, openid?: string): Promise<unknown>;
  /** Runs a function's timer trigger now (like POST /__cloud/trigger/<name>). */
  /** Runs a timer trigger now, or as if it fired at `at` (tests of date-dependent jobs). */
  fireTimer(name: string, triggerName?: string, at?: Date): Promise<unknown>;
  outbox(): OutboxEntry[];
  /** From now on /__cloud/health answers ready. */
  markReady(): void;
  /** Resolves once every asynchronous media check started so far has had its event delivered. */
  mediaChecksSettled(): Promise<void>;
  /** Resolves once no function call is running (calls functions made of others included). */
  functionsSettled(): Promise<void>;
  stop(): Promise<void>;
}

export const INTERNAL_ERROR_RESULT = {
  ok: false,
  error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
} as const;

export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const host = opts.host ?? '127.0.0.1';
  const envId = opts.envId ?? 'lxq-local';
  const appId = opts.appId ?? 'wx_emulator_appid';
  fs.mkdirSync(opts.dataDir, { recursive: true });

  let port = opts.port ?? 8787;
  const localHost =
    host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const internalBase = () => `http://${localHost}:${port}`;
  const publicBase = () => (opts.publicUrl ?? internalBase()).replace(/\/$/, '');

  const database = new Database({
    dir: opts.dataDir,
    collections: opts.collections,
    strictIndexes: opts.strictIndexes,
  });
  const storage = new Storage(opts.dataDir, envId);
  const openapi = new OpenApi({ dataDir: opts.dataDir, wordList: opts.wordList, publicUrl: publicBase });
  const pool = new FunctionPool({
    functionsDir: opts.functionsDir,
    adminBase: internalBase,
    envId,
    appId,
    maxInstances: opts.maxInstancesPerFunction,
  });

  const logFailure = (what: string, err: unknown) => {
    if (err instanceof FunctionTimeoutError) console.error(`[emulator] ${what}: ${err.message}`);
    else
      console.error(
        `[emulator] ${what} 出错:`,
        (err as { remoteStack?: string }).remoteStack ?? (err as Error)?.stack ?? err,
      );
  };

  const callForClient = async (name: string, data: unknown, caller: CallerIdentity): Promise<ClientAnswer> => {
    const notFound = { result: { ok: false, error: { code: 'NOT_FOUND', message: `云函数 ${name} 不存在` } } };
    if (!pool.functionExists(name)) return notFound;
    try {
      const r = await pool.invoke(name, eventFor(data, caller, appId), caller, envFor(caller));
      return { result: r.json === undefined ? null : JSON.parse(r.json) };
    } catch (err) {
      if (err instanceof FunctionNotFoundError) return notFound;
      logFailure(`云函数 ${name}`, err);
      // like the platform: the caller's callFunction rejects (the app's own envelope never comes)
      return { failure: clientFailure(err) };
    }
  };

  const runTimer = async (name: string, triggerName: string, at: Date): Promise<unknown> => {
    const caller: CallerIdentity = { source: 'wx_trigger' };
    try {
      const r = await pool.invoke(name, timerEvent(triggerName, at), caller, envFor(caller));
      return r.json === undefined ? null : JSON.parse(r.json);
    } catch (err) {
      logFailure(`定时触发 ${name}/${triggerName}`, err);
      return INTERNAL_ERROR_RESULT;
    }
  };

  // The verdict of an image the check was given by URL: the file behind one of our temp URLs.
  const mediaVerdict = (mediaUrl: string) => {
    const m = /\/__cloud\/files\/([^?]+)/.exec(mediaUrl);
    const bytes = m ? storage.read(m[1].split('/').map(decodeURIComponent).join('/')) : null;
    if (!bytes) return { suggest: 'review' as const, label: 21000 };
    return openapi.imageIsRisky(bytes)
      ? { suggest: 'risky' as const, label: 20002 }
      : { suggest: 'pass' as const, label: 100 };
  };
  const mediaChecks = new MediaCheckQueue({
    delayMs: opts.mediaCheckDelayMs ?? 200,
    appId,
    verdict: mediaVerdict,
    deliver: async (event) => {
      const caller: CallerIdentity = { source: 'wx_msg' };
      const targets = pool.listFunctions().filter((f) => pool.readConfig(f).messagePush?.includes(String(event.Event)));
      for (const name of targets) {
        try {
          await pool.invoke(name, event, caller, envFor(caller));
        } catch (err) {
          logFailure(`消息推送 ${name}/${String(event.Event)}`, err);
        }
      }
    },
  });
  openapi.mediaChecks = mediaChecks;

  const fireTimer = async (name: string, triggerName?: string, at = new Date()): Promise<unknown> => {
    if (!pool.functionExists(name))
      return { ok: false, error: { code: 'NOT_FOUND', message: `云函数 ${name} 不存在` } };
    const triggers = timerTriggers(pool.readConfig(name));
    const trigger = triggerName ? triggers.find((t) => t.name === triggerName) : triggers[0];
    return runTimer(name, trigger?.name ?? triggerName ?? 'manual', at);
  };

  let ready = opts.ready ?? true;
  const rt: Runtime = {
    isReady: () => ready,
    pool,
    storage,
    openapi,
    database,
    dataDir: opts.dataDir,
    appId,
    webAuth: new WebAuth(envId),
    staticDir: opts.staticDir,
    internalBase,
    publicBase,
    callForClient,
    fireTimer,
  };

  const server = http.createServer(createHandler(rt));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  const scheduler = new TimerScheduler(async (name, triggerName, at) => {
    await runTimer(name, triggerName, at);
  });
  if (opts.timers ?? true) {
    for (const name of pool.listFunctions()) {
      for (const t of timerTriggers(pool.readConfig(name))) scheduler.schedule(name, t);
    }
  }

  let stopped = false;
  return {
    url: internalBase(),
    port,
    adminUrl: `${internalBase()}/admin`,
    database,
    callFunction: async (name, data, openid) => {
      const a = await callForClient(name, data ?? {}, { openid: openid || newOpenid(), source: 'wx_client' });
      if ('failure' in a) throw new CallFunctionFailure(a.failure);
      return a.result;
    },
    fireTimer,
    outbox: () => openapi.outbox(),
    markReady: () => {
      ready = true;
    },
    mediaChecksSettled: () => mediaChecks.settle(),
    functionsSettled: () => pool.settled(),
    async stop() {
      if (stopped) return;
      stopped = true;
      scheduler.stop();
      await mediaChecks.settle();
      await pool.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      openapi.close();
      database.close();
    },
  };
}
