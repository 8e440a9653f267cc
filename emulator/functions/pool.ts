import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { CallerIdentity, FunctionConfig } from '../types';
import { eventJson } from './eventJson';

export const DEFAULT_TIMEOUT_S = 3;
export const MAX_INSTANCES_PER_FUNCTION = 10;
/** Idle instances are reclaimed after this long, like the platform does (next call is cold). */
export const IDLE_RECLAIM_MS = 15 * 60 * 1000;
const NAME_RE = /^[A-Za-z0-9_-]{1,60}$/;

export class FunctionNotFoundError extends Error {
  constructor(public functionName: string) {
    super(`云函数 ${functionName} 不存在`);
    this.name = 'FunctionNotFoundError';
  }
}

export class FunctionTimeoutError extends Error {
  constructor(
    functionName: string,
    public readonly timeoutS: number,
  ) {
    super(`云函数 ${functionName} 执行超时（${timeoutS} 秒）`);
    this.name = 'FunctionTimeoutError';
  }
}

export class FunctionExecutionError extends Error {
  constructor(
    functionName: string,
    /** what the function's own error said */
    public readonly detail: string,
    public remoteStack?: string,
  ) {
    super(`云函数 ${functionName} 执行出错: ${detail}`);
    this.name = 'FunctionExecutionError';
  }
}

/** What the emulator knows about the request an instance is serving. */
export interface ActiveRequest {
  requestId: string;
  functionName: string;
  caller: CallerIdentity;
  config: FunctionConfig;
}

interface Pending {
  requestId: string;
  resolve: (json: string | undefined) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

interface Instance {
  id: number;
  worker: Worker;
  busy: boolean;
  dead: boolean;
  mtimeMs: number;
  current: ActiveRequest | null;
  pending: Pending | null;
  idleTimer: NodeJS.Timeout | null;
}

interface FunctionEntry {
  name: string;
  dir: string;
  bundlePath: string;
  config: FunctionConfig;
  mtimeMs: number;
  instances: Instance[];
  waiters: Array<() => void>;
}

export interface PoolOptions {
  functionsDir: string;
  /** e.g. http://127.0.0.1:8787 — each worker posts to `${adminBase}/admin/w/<id>`. */
  adminBase: () => string;
  envId: string;
  appId: string;
  maxInstances?: number;
}

export interface InvokeResult {
  requestId: string;
  /** JSON text of the function's return value (undefined when it returned undefined). */
  json: string | undefined;
  instanceId: number;
}

/**
 * Worker-thread instances per function, like the real platform: one request per instance at a
 * time, warm instances reused, a new one started when all are busy (up to the cap; beyond it
 * requests queue), a timed-out instance terminated and replaced on the next call.
 */
export class FunctionPool {
  private entries = new Map<string, FunctionEntry>();
  private byWorkerId = new Map<number, Instance>();
  private nextWorkerId = 1;
  private stopped = false;
  /** Invocations started and not yet answered, and who waits for there to be none. */
  private running = 0;
  private settledWaiters: Array<() => void> = [];
  readonly maxInstances: number;

  constructor(private opts: PoolOptions) {
    this.maxInstances = opts.maxInstances ?? MAX_INSTANCES_PER_FUNCTION;
  }

  /** The request a worker is currently serving, for /admin/w/<id> calls. */
  activeRequest(workerId: number): ActiveRequest | null {
    const inst = this.byWorkerId.get(workerId);
    return inst && !inst.dead ? inst.current : null;
  }

  functionExists(name: string): boolean {
    return NAME_RE.test(name) && fs.existsSync(path.join(this.opts.functionsDir, name, 'index.js'));
  }

  readConfig(name: string): FunctionConfig {
    const p = path.join(this.opts.functionsDir, name, 'config.json');
    try {
      return JSON.parse(fs.readFileSync(p, 'utf8')) as FunctionConfig;
    } catch {
      return {};
    }
  }

  /** Names of every deployed function (a directory with index.js). */
  listFunctions(): string[] {
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.opts.functionsDir);
    } catch {
      return [];
    }
    return names.filter((n) => this.functionExists(n)).sort();
  }

  private entry(name: string): FunctionEntry {
    if (!this.functionExists(name)) throw new FunctionNotFoundError(name);
    const dir = path.join(this.opts.functionsDir, name);
    const bundlePath = path.join(dir, 'index.js');
    const mtimeMs = fs.statSync(bundlePath).mtimeMs;
    let e = this.entries.get(name);
    if (!e) {
      e = { name, dir, bundlePath, config: this.readConfig(name), mtimeMs, instances: [], waiters: [] };
      this.entries.set(name, e);
    } else if (e.mtimeMs !== mtimeMs) {
      // Redeployed: new requests go to fresh instances; idle old ones are retired now.
      e.mtimeMs = mtimeMs;
      e.config = this.readConfig(name);
      for (const inst of [...e.instances]) {
        if (!inst.busy) this.retire(e, inst);
      }
    }
    return e;
  }

  private spawn(e: FunctionEntry): Instance {
    const id = this.nextWorkerId++;
    const timeoutS = e.config.timeout ?? DEFAULT_TIMEOUT_S;
    const worker = new Worker(path.join(__dirname, 'worker.js'), {
      workerData: {
        bundlePath: e.bundlePath,
        adminUrl: `${this.opts.adminBase()}/admin/w/${id}`,
        envId: this.opts.envId,
        appId: this.opts.appId,
        functionName: e.name,
        timeoutMs: timeoutS * 1000,
        workerId: id,
        // Tests only: the instance's clock runs this far ahead (or behind) of the real one.
        clockOffsetMs: Number(process.env.EMULATOR_CLOCK_OFFSET_MS) || 0,
      },
      // Plain JS bootstrap: don't inherit loaders (tsx) or test flags it doesn't need.
      execArgv: [],
    });
    const inst: Instance = {
      id,
      worker,
      busy: false,
      dead: false,
      mtimeMs: e.mtimeMs,
      current: null,
      pending: null,
      idleTimer: null,
    };
    worker.on(
      'message',
      (msg: {
        type: string;
        requestId?: string;
        ok?: boolean;
        json?: string;
        error?: { message: string; stack?: string };
      }) => {
        if (msg.type !== 'done' || !inst.pending || msg.requestId !== inst.pending.requestId) return;
        const p = inst.pending;
        clearTimeout(p.timer);
        inst.pending = null;
        if (msg.ok) p.resolve(msg.json);
        else p.reject(new FunctionExecutionError(e.name, msg.error?.message ?? 'unknown error', msg.error?.stack));
      },
    );
    worker.on('error', (err) => {
      this.fail(
        e,
        inst,
        new FunctionExecutionError(
          e.name,
          err instanceof Error ? err.message : String(err),
          err instanceof Error ? err.stack : undefined,
        ),
      );
    });
    worker.on('exit', (code) => {
      this.fail(e, inst, new FunctionExecutionError(e.name, `实例异常退出（exit code ${code}）`));
    });
    worker.unref();
    e.instances.push(inst);
    this.byWorkerId.set(id, inst);
    return inst;
  }

  /** Kills an instance mid-call, as the platform's runtime dying would (fault injection). */
  killWorker(workerId: number): void {
    void this.byWorkerId.get(workerId)?.worker.terminate();
  }

  private fail(e: FunctionEntry, inst: Instance, err: Error) {
    const p = inst.pending;
    inst.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.retire(e, inst);
  }

  private retire(e: FunctionEntry, inst: Instance) {
    if (inst.dead) return;
    inst.dead = true;
    if (inst.idleTimer) clearTimeout(inst.idleTimer);
    e.instances = e.instances.filter((i) => i !== inst);
    this.byWorkerId.delete(inst.id);
    void inst.worker.terminate().catch(() => undefined);
    this.wake(e);
  }

  private wake(e: FunctionEntry) {
    const w = e.waiters.shift();
    if (w) w();
  }

  private async acquire(e: FunctionEntry): Promise<Instance> {
    for (;;) {
      if (this.stopped) throw new Error('emulator stopped');
      const idle = e.instances.find((i) => !i.busy && !i.dead && i.mtimeMs === e.mtimeMs);
      if (idle) {
        if (idle.idleTimer) clearTimeout(idle.idleTimer);
        idle.idleTimer = null;
        idle.busy = true;
        return idle;
      }
      if (e.instances.length < this.maxInstances) {
        const inst = this.spawn(e);
        inst.busy = true;
        return inst;
      }
      await new Promise<void>((resolve) => e.waiters.push(resolve));
    }
  }

  private release(e: FunctionEntry, inst: Instance) {
    inst.busy = false;
    inst.current = null;
    if (inst.mtimeMs !== e.mtimeMs) {
      this.retire(e, inst);
      return;
    }
    inst.idleTimer = setTimeout(() => {
      if (!inst.busy) this.retire(e, inst);
    }, IDLE_RECLAIM_MS);
    inst.idleTimer.unref();
    this.wake(e);
  }

  /**
   * Run `name` with `event` on a free instance. Resolves with the JSON text of the return value;
   * rejects with FunctionNotFoundError, FunctionTimeoutError or FunctionExecutionError.
   */
  async invoke(
    name: string,
    event: unknown,
    caller: CallerIdentity,
    env: Record<string, string | undefined>,
  ): Promise<InvokeResult> {
    const e = this.entry(name);
    const eventText = eventJson(event);
    this.running++;
    let inst: Instance;
    try {
      inst = await this.acquire(e);
    } catch (err) {
      this.finished();
      throw err;
    }
    const requestId = crypto.randomUUID();
    const timeoutS = e.config.timeout ?? DEFAULT_TIMEOUT_S;
    inst.current = { requestId, functionName: name, caller, config: e.config };
    try {
      const json = await new Promise<string | undefined>((resolve, reject) => {
        const timer = setTimeout(() => {
          // Timed out: the instance is killed (whatever it was doing) and replaced later.
          inst.pending = null;
          reject(new FunctionTimeoutError(name, timeoutS));
          this.retire(e, inst);
        }, timeoutS * 1000);
        inst.pending = { requestId, resolve, reject, timer };
        inst.worker.postMessage({ type: 'run', requestId, eventText, env });
      });
      return { requestId, json, instanceId: inst.id };
    } finally {
      if (!inst.dead) this.release(e, inst);
      this.finished();
    }
  }

  /**
   * Resolves once no invocation is running, including those one function started in another
   * (a notice's delivery workers): tests compare the state only after all the work ended.
   */
  settled(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  private finished() {
    if (--this.running > 0) return;
    for (const w of this.settledWaiters.splice(0)) w();
  }

  /** Instances currently alive, per function (for diagnostics and tests). */
  stats(): Record<string, { instances: number; busy: number }> {
    const out: Record<string, { instances: number; busy: number }> = {};
    for (const [name, e] of this.entries) {
      out[name] = { instances: e.instances.length, busy: e.instances.filter((i) => i.busy).length };
    }
    return out;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const all: Promise<unknown>[] = [];
    for (const e of this.entries.values()) {
      for (const inst of e.instances) {
        inst.dead = true;
        if (inst.idleTimer) clearTimeout(inst.idleTimer);
        if (inst.pending) {
          clearTimeout(inst.pending.timer);
          inst.pending.reject(new Error('emulator stopped'));
          inst.pending = null;
        }
        all.push(inst.worker.terminate().catch(() => undefined));
      }
      e.instances = [];
      for (const w of e.waiters.splice(0)) w();
    }
    this.byWorkerId.clear();
    await Promise.all(all);
  }
}
