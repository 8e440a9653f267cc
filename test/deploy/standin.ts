/**
 * A stand-in for a WeChat Cloud environment at the deploy's Platform boundary: it keeps what an
 * environment has in memory, records every call, refuses what the platform refuses (creating a
 * collection, index or function that exists; touching one that does not), and can fail on the Nth
 * change to test a resumed deploy.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type {
  FunctionSpec,
  FunctionState,
  HostedUpload,
  IndexSpec,
  Platform,
  Rule,
  TimerTrigger,
  WeappRecord,
} from '../../scripts/deploy/platform';

export interface Call {
  method: string;
  args: unknown[];
  /** True for calls that change the environment. */
  writes: boolean;
}

export class StandIn implements Platform {
  collections = new Map<string, { indexes: IndexSpec[]; rule: Rule | null }>();
  storageRule: Rule | null = null;
  functions = new Map<string, FunctionState & { openapi: string[] }>();
  hosted = new Map<string, string>();
  /** The Cache-Control each hosted file is served with. */
  hostedCache = new Map<string, string>();
  weapp: WeappRecord | null = null;
  weappUploads: { version: string; description: string }[] = [];
  calls: Call[] = [];
  /** Fail the Nth change from now on (1-based); 0 never fails. */
  failOnWrite = 0;
  private writes = 0;

  writeCalls(): Call[] {
    return this.calls.filter((c) => c.writes);
  }

  private read(method: string, ...args: unknown[]) {
    this.calls.push({ method, args, writes: false });
  }

  private write(method: string, ...args: unknown[]) {
    this.calls.push({ method, args, writes: true });
    this.writes += 1;
    if (this.failOnWrite && this.writes === this.failOnWrite) {
      this.failOnWrite = 0;
      throw new Error(`网络中断（${method}）`);
    }
  }

  private collection(name: string) {
    const c = this.collections.get(name);
    if (!c) throw new Error(`ResourceNotFound: 集合 ${name} 不存在`);
    return c;
  }

  private fn(name: string) {
    const f = this.functions.get(name);
    if (!f) throw new Error(`ResourceNotFound.Function: ${name}`);
    return f;
  }

  async listCollections() {
    this.read('listCollections');
    return [...this.collections.keys()];
  }
  async getIndexes(collection: string) {
    this.read('getIndexes', collection);
    return structuredClone(this.collection(collection).indexes);
  }
  async getCollectionRule(collection: string) {
    this.read('getCollectionRule', collection);
    return structuredClone(this.collection(collection).rule);
  }
  async getStorageRule() {
    this.read('getStorageRule');
    return structuredClone(this.storageRule);
  }
  async getFunction(name: string) {
    this.read('getFunction', name);
    const f = this.functions.get(name);
    return f ? { name: f.name, timeout: f.timeout, env: { ...f.env }, triggers: structuredClone(f.triggers) } : null;
  }
  async listHostedFiles() {
    this.read('listHostedFiles');
    return [...this.hosted].map(([path, md5]) => ({ path, md5 }));
  }
  async getWeappRecord() {
    this.read('getWeappRecord');
    return this.weapp && { ...this.weapp };
  }

  async createCollection(name: string) {
    this.write('createCollection', name);
    if (this.collections.has(name)) throw new Error(`ResourceInUse: 集合 ${name} 已存在`);
    this.collections.set(name, { indexes: [], rule: null });
  }
  async createIndex(collection: string, index: IndexSpec) {
    this.write('createIndex', collection, index.name);
    const c = this.collection(collection);
    if (c.indexes.some((i) => i.name === index.name)) throw new Error(`索引 ${index.name} 已存在`);
    c.indexes.push(structuredClone(index));
  }
  async dropIndex(collection: string, name: string) {
    this.write('dropIndex', collection, name);
    const c = this.collection(collection);
    c.indexes = c.indexes.filter((i) => i.name !== name);
  }
  async setCollectionRule(collection: string, rule: Rule) {
    this.write('setCollectionRule', collection, rule);
    this.collection(collection).rule = { ...rule };
  }
  async setStorageRule(rule: Rule) {
    this.write('setStorageRule', rule);
    this.storageRule = { ...rule };
  }
  async createFunction(fn: FunctionSpec) {
    this.write('createFunction', fn.name);
    if (this.functions.has(fn.name)) throw new Error(`ResourceInUse.Function: ${fn.name}`);
    if (fn.dir) readFileSync(`${fn.dir}/index.js`);
    this.functions.set(fn.name, {
      name: fn.name,
      timeout: fn.timeout,
      env: { ...fn.env },
      triggers: structuredClone(fn.triggers),
      openapi: [...fn.openapi],
    });
  }
  async updateFunctionCode(fn: FunctionSpec) {
    this.write('updateFunctionCode', fn.name);
    this.fn(fn.name).openapi = [...fn.openapi];
  }
  async updateFunctionConfig(name: string, timeout: number, env: Record<string, string>) {
    this.write('updateFunctionConfig', name, Object.keys(env).sort());
    Object.assign(this.fn(name), { timeout, env: { ...env } });
  }
  async createTrigger(fn: string, trigger: TimerTrigger) {
    this.write('createTrigger', fn, trigger.name);
    const f = this.fn(fn);
    if (f.triggers.some((t) => t.name === trigger.name)) throw new Error(`触发器 ${trigger.name} 已存在`);
    f.triggers.push({ ...trigger });
  }
  async deleteTrigger(fn: string, name: string) {
    this.write('deleteTrigger', fn, name);
    const f = this.fn(fn);
    f.triggers = f.triggers.filter((t) => t.name !== name);
  }
  async uploadHostedFiles(files: HostedUpload[]) {
    this.write('uploadHostedFiles', files.map((f) => f.path).join(','));
    for (const f of files) {
      this.hosted.set(f.path, md5(readFileSync(f.localPath)));
      this.hostedCache.set(f.path, f.cacheControl);
    }
  }
  /** One object put into the hosting bucket (the HTTP stand-in's PUT), with the Cache-Control it was stored with. */
  hostFile(path: string, content: Buffer, cacheControl?: string) {
    this.write('putObject', path);
    this.hosted.set(path, md5(content));
    if (cacheControl) this.hostedCache.set(path, cacheControl);
  }
  async uploadWeapp(dir: string, version: string, description: string, hash: string) {
    this.write('uploadWeapp', version, description);
    this.weappUploads.push({ version, description });
    this.weapp = { version, hash };
  }
}

const md5 = (content: Buffer) => createHash('md5').update(content).digest('hex');
