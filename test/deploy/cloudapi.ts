/**
 * A stand-in for the cloud management API at the HTTP level, for the deploy run as a person runs
 * it (`tsx scripts/deploy.ts`, with @cloudbase/manager-node unmodified).
 *
 * manager-node builds each request URL from a fixed https host per service (only the tcb service
 * has a base-URL override); what it does honour for every service is an HTTP proxy (`http_proxy`).
 * So this is that proxy: it accepts the SDK's CONNECT, ends TLS with a certificate made for the
 * host asked for (signed by a throwaway CA the child process trusts via NODE_EXTRA_CA_CERTS),
 * and answers the API's JSON actions (and the hosting bucket's object-storage requests, which
 * that SDK sends through the proxy named by TCB_COS_PROXY) from a StandIn environment, recording
 * every call. Nothing leaves the machine: a host it has no answer for gets an error.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { unzipSync, strFromU8 } from 'fflate';
import type { IndexSpec, Rule } from '../../scripts/deploy/platform';
import { StandIn } from './standin';

export interface ApiCall {
  service: string;
  action: string;
  params: Record<string, unknown>;
  /** The TC3 signature's credential scope: who signed, for which service. */
  credential: string;
}

/** The API's JSON bodies, read field by field as the service reads them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Params = Record<string, any>;

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const INSTANCE = 'tnt-standin';
const HOSTING_BUCKET = 'lxq-static-1250000000';
const NO_SUCH_KEY = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code></Error>';

export class CloudApiStandIn {
  readonly env = new StandIn();
  readonly calls: ApiCall[] = [];
  /** What each function's uploaded zip held, by function name. */
  readonly code = new Map<string, Record<string, string>>();
  /** Files in the environment's storage bucket, by path. */
  readonly files = new Map<string, Buffer>();
  private readonly dir = mkdtempSync(join(tmpdir(), 'lxq-cloudapi-'));
  private readonly certs = new Map<string, { key: Buffer; cert: Buffer }>();
  private readonly api = createServer((req, res) => void this.answer(req, res));
  private proxy?: Server;
  readonly caFile = join(this.dir, 'ca.pem');

  get storageBucket() {
    return `${this.envId}-1250000000`;
  }

  constructor(readonly envId: string) {
    this.openssl(
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=lxq deploy test CA'].concat([
        '-keyout',
        join(this.dir, 'ca.key'),
        '-out',
        this.caFile,
      ]),
    );
  }

  /** Starts the proxy on a loopback port; answers its URL for `http_proxy`. */
  async start(): Promise<string> {
    this.proxy = createServer((_req, res) => res.writeHead(405).end());
    this.proxy.on('connect', (req: IncomingMessage, socket: Socket) => this.tunnel(req, socket));
    await new Promise<void>((resolve) => this.proxy!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.proxy.address() as AddressInfo).port}`;
  }

  async stop() {
    await new Promise((resolve) => this.proxy?.close(resolve));
    this.api.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  writes(): ApiCall[] {
    // Reads: the API's Describe/Get/List actions, object GET/HEAD, and asking for a file's link.
    return this.calls.filter((c) => !/^(Describe|Get|List|GET |HEAD |storage\.batchGetDownloadUrl)/.test(c.action));
  }

  private openssl(args: string[], input?: string) {
    execFileSync('openssl', args, { input, stdio: ['pipe', 'ignore', 'pipe'] });
  }

  /** A certificate for the host the SDK connects to, signed by the test CA. */
  private certFor(host: string) {
    let pair = this.certs.get(host);
    if (!pair) {
      const [key, csr, cert, ext] = ['key', 'csr', 'pem', 'ext'].map((x) => join(this.dir, `${host}.${x}`));
      writeFileSync(ext, `subjectAltName=DNS:${host}\n`);
      this.openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${host}`, '-keyout', key, '-out', csr]);
      this.openssl(
        ['x509', '-req', '-in', csr, '-CA', this.caFile, '-CAkey', join(this.dir, 'ca.key')].concat([
          '-CAcreateserial',
          '-days',
          '1',
          '-extfile',
          ext,
          '-out',
          cert,
        ]),
      );
      pair = { key: readFileSync(key), cert: readFileSync(cert) };
      this.certs.set(host, pair);
    }
    return pair;
  }

  private tunnel(req: IncomingMessage, socket: Socket) {
    const host = String(req.url).split(':')[0];
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const tls = new TLSSocket(socket, { isServer: true, ...this.certFor(host) });
    this.api.emit('connection', tls);
  }

  private async answer(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url === '/admin') return this.admin(Buffer.concat(chunks), res);
    if (!req.headers['x-tc-action']) return this.objectStorage(req, Buffer.concat(chunks), res);
    const service = String(req.headers.host).split('.')[0];
    const action = String(req.headers['x-tc-action']);
    const params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Params;
    const credential = /Credential=([^,]+)/.exec(String(req.headers.authorization))?.[1] ?? '';
    this.calls.push({ service, action, params, credential });
    let body: Params;
    try {
      body = { ...(await this.handle(service, action, params)), RequestId: `req-${this.calls.length}` };
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'FailedOperation';
      const message = err instanceof Error ? err.message : String(err);
      body = { Error: { Code: code, Message: message }, RequestId: `req-${this.calls.length}` };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Response: body }));
  }

  private async handle(service: string, action: string, p: Params): Promise<Params> {
    const env = this.env;
    const handlers: Record<string, () => Promise<Params> | Params> = {
      'tcb:DescribeEnvInfo': () => ({
        EnvInfo: {
          EnvBaseInfo: {
            EnvId: this.envId,
            Status: 'NORMAL',
            Databases: [{ InstanceId: INSTANCE, Region: 'ap-shanghai', Status: 'RUNNING' }],
            Storages: [{ Region: 'ap-shanghai', Bucket: this.storageBucket, CdnDomain: '', AppId: '1250000000' }],
            Functions: [{ Namespace: this.envId, Region: 'ap-shanghai' }],
            LogServices: [],
          },
          UserInfo: { AppId: '1250000000' },
        },
      }),
      'tcb:DescribeStaticStore': () => ({
        Data: [{ EnvId: this.envId, Bucket: HOSTING_BUCKET, Regoin: 'ap-shanghai', Status: 'online' }],
      }),
      'tcb:ListTables': () => {
        const names = [...env.collections.keys()];
        const page = names.slice(p.MgoOffset ?? 0, (p.MgoOffset ?? 0) + (p.MgoLimit ?? 100));
        return { Tables: page.map((TableName) => ({ TableName })), Pager: { Total: names.length } };
      },
      'tcb:DescribeTable': () => {
        const c = env.collections.get(p.TableName);
        if (!c) throw new ApiError('ResourceNotFound', `集合 ${p.TableName} 不存在`);
        const id = { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true };
        return { Indexes: [id, ...c.indexes.map(toApiIndex)], IndexNum: c.indexes.length + 1 };
      },
      'tcb:CreateTable': () => env.createCollection(p.TableName).then(() => ({})),
      'tcb:UpdateTable': async () => {
        for (const d of p.DropIndexes ?? []) await env.dropIndex(p.TableName, d.IndexName);
        for (const c of p.CreateIndexes ?? []) await env.createIndex(p.TableName, fromApiIndex(c));
        return {};
      },
      'tcb:DescribeSafetyRule': () => {
        const rule = env.collections.get(p.CollectionName)?.rule;
        return rule ? { AclTag: 'CUSTOM', Rule: JSON.stringify(rule) } : { AclTag: 'ADMINWRITE', Rule: '' };
      },
      'tcb:ModifySafetyRule': () => {
        if (p.AclTag !== 'CUSTOM') throw new ApiError('InvalidParameter', 'AclTag');
        return env.setCollectionRule(p.CollectionName, JSON.parse(p.Rule) as Rule).then(() => ({}));
      },
      'tcb:DescribeStorageSafeRule': () =>
        env.storageRule ? { AclTag: 'CUSTOM', Rule: JSON.stringify(env.storageRule) } : { AclTag: 'READONLY' },
      'tcb:ModifyStorageSafeRule': () => env.setStorageRule(JSON.parse(p.Rule) as Rule).then(() => ({})),
      'scf:GetFunction': () => {
        const f = env.functions.get(p.FunctionName);
        if (!f) throw new ApiError('ResourceNotFound.FunctionName', `函数 ${p.FunctionName} 不存在`);
        return {
          FunctionName: f.name,
          Status: 'Active',
          Timeout: f.timeout,
          Runtime: 'Nodejs16.13',
          VpcConfig: {},
          Environment: { Variables: Object.entries(f.env).map(([Key, Value]) => ({ Key, Value })) },
          Triggers: f.triggers.map((t) => ({
            Type: 'timer',
            TriggerName: t.name,
            TriggerDesc: JSON.stringify({ cron: t.config }),
          })),
        };
      },
      'scf:CreateFunction': async () => {
        const files = this.unzip(p.Code?.ZipFile);
        const config = JSON.parse(files['config.json'] ?? '{}') as { permissions?: { openapi?: string[] } };
        await env.createFunction({
          name: p.FunctionName,
          dir: '',
          timeout: p.Timeout,
          env: variables(p),
          triggers: [],
          openapi: config.permissions?.openapi ?? [],
        });
        this.code.set(p.FunctionName, files);
        return {};
      },
      'scf:UpdateFunctionCode': async () => {
        const files = this.unzip(p.ZipFile ?? p.Code?.ZipFile);
        const config = JSON.parse(files['config.json'] ?? '{}') as { permissions?: { openapi?: string[] } };
        const f = env.functions.get(p.FunctionName);
        await env.updateFunctionCode({
          ...(f ?? { name: p.FunctionName, timeout: 3, env: {}, triggers: [] }),
          dir: '',
          openapi: config.permissions?.openapi ?? [],
        });
        this.code.set(p.FunctionName, files);
        return {};
      },
      'scf:UpdateFunctionConfiguration': () =>
        env.updateFunctionConfig(p.FunctionName, p.Timeout, variables(p)).then(() => ({})),
      'scf:BatchCreateTrigger': async () => {
        for (const t of JSON.parse(p.Triggers) as { TriggerName: string; TriggerDesc: string }[])
          await env.createTrigger(p.FunctionName, { name: t.TriggerName, config: t.TriggerDesc });
        return {};
      },
      'scf:DeleteTrigger': () => env.deleteTrigger(p.FunctionName, p.TriggerName).then(() => ({})),
    };
    const handler = handlers[`${service}:${action}`];
    if (!handler) throw new ApiError('UnsupportedOperation', `stand-in has no ${service}:${action}`);
    return handler();
  }

  /**
   * The object storage's XML API, for the static-hosting bucket: list (GET /) and put (PUT /key).
   * Requests for any other bucket are refused.
   */
  private objectStorage(req: IncomingMessage, body: Buffer, res: ServerResponse) {
    const url = new URL(String(req.url), 'https://bucket');
    const bucket = String(req.headers.host).split('.')[0];
    const key = decodeURIComponent(url.pathname.slice(1));
    this.calls.push({ service: 'cos', action: `${req.method} ${key || '/'}`, params: {}, credential: '' });
    if (bucket === this.storageBucket) return this.storageObject(String(req.method), key, body, res);
    if (bucket !== HOSTING_BUCKET) return void res.writeHead(403).end();
    if (req.method === 'PUT' && key) {
      try {
        this.env.hostFile(key, body, req.headers['cache-control']);
      } catch {
        return void res.writeHead(503).end();
      }
      return void res.writeHead(200, { ETag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
    }
    if (req.method === 'GET' && !key) {
      const contents = [...this.env.hosted]
        .map(([k, md5]) => `<Contents><Key>${k}</Key><ETag>&quot;${md5}&quot;</ETag><Size>1</Size></Contents>`)
        .join('');
      const xml = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><Prefix></Prefix><Marker></Marker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`;
      return void res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
    }
    res.writeHead(405).end();
  }

  /** The environment's own storage bucket: files by path (the deploy keeps its weapp record there). */
  private storageObject(method: string, key: string, body: Buffer, res: ServerResponse) {
    const object = this.files.get(key);
    if (method === 'PUT') {
      this.files.set(key, body);
      return void res.writeHead(200, { ETag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
    }
    if (!object) return void res.writeHead(404, { 'content-type': 'application/xml' }).end(NO_SUCH_KEY);
    res.writeHead(200, { 'content-length': object.length, etag: '"x"' });
    res.end(method === 'HEAD' ? undefined : object);
  }

  /** The storage actions of the admin protocol the SDK uses for file links and upload metadata. */
  private admin(body: Buffer, res: ServerResponse) {
    const p = JSON.parse(body.toString('utf8')) as Params;
    this.calls.push({ service: 'admin', action: String(p.action), params: {}, credential: '' });
    const answer = (data: Params) => res.writeHead(200).end(JSON.stringify({ requestId: 'admin', data }));
    if (p.action === 'storage.batchGetDownloadUrl')
      return answer({
        download_list: (p.file_list as { fileid: string }[]).map((f) => ({
          fileid: f.fileid,
          code: 'SUCCESS',
          download_url: `https://${this.storageBucket}.cos.ap-shanghai.standin.invalid/${f.fileid.split('/').slice(3).join('/')}`,
        })),
      });
    if (p.action === 'storage.getUploadMetadata')
      return answer({ url: '', token: '', authorization: '', fileId: `cloud://${p.path}`, cosFileId: 'standin' });
    res.writeHead(200).end(JSON.stringify({ code: 'UNSUPPORTED', message: `stand-in has no ${p.action}` }));
  }

  private unzip(base64: unknown): Record<string, string> {
    if (typeof base64 !== 'string') throw new ApiError('InvalidParameterValue.Code', '没有代码包');
    const files = unzipSync(Buffer.from(base64, 'base64'));
    return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  }
}

function variables(p: Params): Record<string, string> {
  const list = (p.Environment?.Variables ?? []) as { Key: string; Value: string }[];
  return Object.fromEntries(list.map((v) => [v.Key, String(v.Value)]));
}

function toApiIndex(i: IndexSpec) {
  return {
    Name: i.name,
    Unique: i.unique,
    Keys: i.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })),
  };
}

function fromApiIndex(c: Params): IndexSpec {
  const keys = c.MgoKeySchema.MgoIndexKeys as { Name: string; Direction: string }[];
  return {
    name: c.IndexName,
    unique: !!c.MgoKeySchema.MgoIsUnique,
    keys: keys.map((k) => ({ field: k.Name, direction: k.Direction === '-1' ? -1 : 1 })),
  };
}
