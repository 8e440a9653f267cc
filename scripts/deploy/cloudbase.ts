/**
 * The Platform on a real WeChat Cloud (CloudBase) environment, through the platform's management
 * SDK (@cloudbase/manager-node) and, for the weapp, miniprogram-ci. Both are devDependencies loaded
 * here only, when a deploy runs.
 *
 * Credentials come from the environment, never from the repository: TENCENTCLOUD_SECRETID and
 * TENCENTCLOUD_SECRETKEY (an API key of the Tencent Cloud account the environment belongs to),
 * and for the weapp upload WEAPP_APPID and WEAPP_PRIVATE_KEY_PATH (the upload key downloaded
 * from the mini-program's console, kept outside the repository).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type CloudBase from '@cloudbase/manager-node';
import { mimeOf } from '../../emulator/storage/index';
import type {
  FunctionSpec,
  FunctionState,
  HostedUpload,
  IndexSpec,
  Platform,
  Rule,
  TimerTrigger,
  WeappRecord,
} from './platform';

/** The object-storage client's one call used here (its callback style, as the SDK ships it). */
interface CosClient {
  putObject(
    params: {
      Bucket: string;
      Region: string;
      Key: string;
      Body: Buffer;
      CacheControl: string;
      ContentType: string;
    },
    callback: (err: { message?: string; code?: string } | null) => void,
  ): void;
}

/** Where the environment keeps the record of the last weapp upload (outside every client's folder). */
const WEAPP_RECORD = 'deploy/weapp.json';
/** The bundles are built for Node 16 (scripts/build-functions.ts). */
const RUNTIME = 'Nodejs16.13';

export interface CloudBaseOptions {
  envId: string;
  region?: string;
  weapp?: { appid: string; privateKeyPath: string; projectPath: string };
}

type Manager = InstanceType<typeof CloudBase>;

export async function cloudBasePlatform(o: CloudBaseOptions): Promise<Platform> {
  const { default: Manager } = await import('@cloudbase/manager-node');
  const manager = new Manager({
    envId: o.envId,
    region: o.region,
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
    token: process.env.TENCENTCLOUD_SESSIONTOKEN,
  });
  return new CloudBasePlatform(manager, o);
}

class CloudBasePlatform implements Platform {
  constructor(
    private readonly manager: Manager,
    private readonly o: CloudBaseOptions,
  ) {}

  private tcb(Action: string, Param: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.manager.commonService('tcb').call({ Action, Param: { EnvId: this.o.envId, ...Param } });
  }

  async listCollections(): Promise<string[]> {
    const names: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await this.manager.database.listCollections({ MgoLimit: 100, MgoOffset: offset });
      names.push(...page.Collections.map((c) => c.CollectionName));
      if (page.Collections.length < 100) return names;
    }
  }

  async getIndexes(collection: string): Promise<IndexSpec[]> {
    const table = await this.manager.database.describeCollection(collection);
    return (table.Indexes ?? [])
      .filter((i) => i.Name !== '_id_')
      .map((i) => ({
        name: i.Name,
        unique: !!i.Unique,
        keys: i.Keys.map((k) => ({ field: k.Name ?? '', direction: Number(k.Direction) === -1 ? -1 : 1 })),
      }));
  }

  async getCollectionRule(collection: string): Promise<Rule | null> {
    const res = await this.tcb('DescribeSafetyRule', { CollectionName: collection });
    return res.AclTag === 'CUSTOM' && typeof res.Rule === 'string' ? (JSON.parse(res.Rule) as Rule) : null;
  }

  async getStorageRule(): Promise<Rule | null> {
    const res = await this.manager.storage.getStorageAcl({ withRule: true });
    return res.acl === 'CUSTOM' && res.rule ? res.rule : null;
  }

  async getFunction(name: string): Promise<FunctionState | null> {
    const fn = await this.manager.functions.getFunctionDetail(name).catch((err: { code?: string }) => {
      if (String(err.code).startsWith('ResourceNotFound')) return null;
      throw err;
    });
    if (!fn) return null;
    return {
      name,
      timeout: fn.Timeout,
      env: Object.fromEntries((fn.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
      triggers: (fn.Triggers ?? [])
        .filter((t) => t.Type === 'timer')
        .map((t) => ({ name: t.TriggerName, config: cronOf(t.TriggerDesc) })),
    };
  }

  async listHostedFiles() {
    const files = await this.manager.hosting.listFiles();
    return files.map((f) => ({ path: f.Key, md5: f.ETag.replace(/"/g, '') }));
  }

  async getWeappRecord(): Promise<WeappRecord | null> {
    try {
      const dir = mkdtempSync(join(tmpdir(), 'lxq-deploy-'));
      const local = join(dir, 'weapp.json');
      await this.manager.storage.downloadFile({ cloudPath: WEAPP_RECORD, localPath: local });
      const record = JSON.parse(readFileSync(local, 'utf8')) as Partial<WeappRecord>;
      rmSync(dir, { recursive: true, force: true });
      return typeof record.version === 'string' && typeof record.hash === 'string'
        ? { version: record.version, hash: record.hash }
        : null;
    } catch {
      return null; // never uploaded (the download answers an error page, not JSON)
    }
  }

  async createCollection(name: string) {
    await this.manager.database.createCollection(name);
  }

  async createIndex(collection: string, index: IndexSpec) {
    await this.manager.database.updateCollection(collection, {
      CreateIndexes: [
        {
          IndexName: index.name,
          MgoKeySchema: {
            MgoIsUnique: index.unique,
            MgoIndexKeys: index.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })),
          },
        },
      ],
    });
  }

  async dropIndex(collection: string, name: string) {
    await this.manager.database.updateCollection(collection, { DropIndexes: [{ IndexName: name }] });
  }

  async setCollectionRule(collection: string, rule: Rule) {
    await this.tcb('ModifySafetyRule', { CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) });
  }

  async setStorageRule(rule: Rule) {
    await this.manager.storage.setStorageAcl('CUSTOM', rule);
  }

  async createFunction(fn: FunctionSpec) {
    await this.manager.functions.createFunction({
      func: {
        name: fn.name,
        timeout: fn.timeout,
        runtime: RUNTIME,
        handler: 'index.main',
        installDependency: true,
        envVariables: fn.env,
        triggers: fn.triggers.map((t) => ({ name: t.name, type: 'timer', config: t.config })),
      },
      functionPath: fn.dir,
      // The bundles are a few hundred KB: sent inline, within the 1.5 MB the API takes.
      deployMode: 'zip',
    });
  }

  async updateFunctionCode(fn: FunctionSpec) {
    await this.manager.functions.updateFunctionCode({
      func: { name: fn.name, installDependency: true },
      functionPath: fn.dir,
      deployMode: 'zip',
    });
    await this.manager.functions.waitFunctionActive(fn.name);
  }

  async updateFunctionConfig(name: string, timeout: number, env: Record<string, string>) {
    await this.manager.functions.updateFunctionConfig({ name, timeout, envVariables: env });
    // A function being updated refuses trigger changes, which may come next.
    await this.manager.functions.waitFunctionActive(name);
  }

  async createTrigger(fn: string, trigger: TimerTrigger) {
    await this.manager.functions.createFunctionTriggers(fn, [
      { name: trigger.name, type: 'timer', config: trigger.config },
    ]);
  }

  async deleteTrigger(fn: string, name: string) {
    await this.manager.functions.deleteFunctionTrigger(fn, name);
  }

  /**
   * Each file is put into the hosting bucket with its Cache-Control (hosting.uploadFiles sets no
   * headers), through the object-storage client of the SDK's storage service — the one
   * hosting.uploadFiles itself uses, with the environment's credentials and proxy settings.
   */
  async uploadHostedFiles(files: HostedUpload[]) {
    const [site] = (await this.manager.hosting.getInfo()) as { Bucket: string; Regoin: string }[];
    if (!site) throw new Error('环境没有开通静态网站托管');
    const cos = (this.manager.storage as unknown as { getCos(parallel?: number): CosClient }).getCos(1);
    for (const f of files) {
      await new Promise<void>((done, fail) =>
        cos.putObject(
          {
            Bucket: site.Bucket,
            Region: site.Regoin,
            Key: f.path,
            Body: readFileSync(f.localPath),
            CacheControl: f.cacheControl,
            ContentType: mimeOf(f.path),
          },
          (err) => (err ? fail(new Error(`上传 ${f.path} 失败：${err.message ?? err.code ?? err}`)) : done()),
        ),
      );
    }
  }

  async uploadWeapp(dir: string, version: string, description: string, hash: string) {
    const weapp = this.o.weapp;
    if (!weapp) throw new Error('上传小程序需要 WEAPP_APPID 和 WEAPP_PRIVATE_KEY_PATH（或用 --skip-weapp 跳过）');
    const ci = await import('miniprogram-ci');
    const project = new ci.Project({
      appid: weapp.appid,
      type: 'miniProgram',
      projectPath: weapp.projectPath,
      privateKeyPath: weapp.privateKeyPath,
      ignores: ['node_modules/**/*'],
    });
    await ci.upload({ project, version, desc: description, setting: { es6: false, minify: false }, robot: 1 });
    const tmp = mkdtempSync(join(tmpdir(), 'lxq-deploy-'));
    const local = join(tmp, 'weapp.json');
    writeFileSync(local, JSON.stringify({ version, hash, dir: 'dist/weapp' }));
    await this.manager.storage.uploadFile({ localPath: local, cloudPath: WEAPP_RECORD });
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** A timer is created with its cron as TriggerDesc, and read back as `{"cron": "…"}`. */
function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    return typeof parsed.cron === 'string' ? parsed.cron : desc;
  } catch {
    return desc;
  }
}
