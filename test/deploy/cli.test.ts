/**
 * `npm run deploy` as a person runs it — the real script and @cloudbase/manager-node, unmodified —
 * against the HTTP stand-in of the management API, the hosting bucket and the environment's storage
 * (test/deploy/cloudapi.ts). The weapp itself goes to the mini-program's own upload service through
 * miniprogram-ci, which has no stand-in: that upload is covered at the Platform boundary in
 * deploy.test.ts, and here only its record is read.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/shared/collections';
import { DIST, ROOT } from '../../scripts/paths';
import { STORAGE_RULE, hashDir } from '../../scripts/deploy/desired';
import { CloudApiStandIn } from './cloudapi';

jest.setTimeout(120_000);

let api: CloudApiStandIn;
let proxy: string;
let dist: string;

beforeEach(async () => {
  api = new CloudApiStandIn('lxq-test');
  proxy = await api.start();
  dist = mkdtempSync(join(tmpdir(), 'lxq-deploy-cli-'));
  // The function bundles jest's set-up built from this tree (--skip-build takes them, as a
  // person's second deploy would; the first test has the command build them itself); the h5
  // build is faked.
  cpSync(join(DIST, 'cloudfunctions'), join(dist, 'cloudfunctions'), { recursive: true });
  mkdirSync(join(dist, 'h5', 'js'), { recursive: true });
  writeFileSync(join(dist, 'h5', 'index.html'), '<script src="js/app.1.js"></script>');
  writeFileSync(join(dist, 'h5', 'js', 'app.1.js'), 'console.log(1)');
  mkdirSync(join(dist, 'weapp'));
  writeFileSync(join(dist, 'weapp', 'app.js'), 'App({})');
});

afterEach(async () => {
  await api.stop();
  rmSync(dist, { recursive: true, force: true });
});

function deploy(...args: string[]): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LXQ_DIST_DIR: dist,
    TENCENTCLOUD_SECRETID: 'AKIDstandin',
    TENCENTCLOUD_SECRETKEY: 'standin-key',
    http_proxy: proxy,
    TCB_COS_PROXY: proxy, // the object-storage SDK takes its proxy from here,
    TCB_ADMIN_PROXY: proxy, // and the file-link requests from here
    NODE_EXTRA_CA_CERTS: api.caFile,
  };
  for (const name of ['https_proxy', 'HTTPS_PROXY', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY', 'TCB_BASE_URL'])
    delete env[name];
  const child = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/deploy.ts', '--env', 'lxq-test', '--skip-build', ...args],
    { cwd: ROOT, env },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, out })));
}

it('when deploy runs on an empty environment, then manager-node creates everything through the API, and a second run only reads', async () => {
  // No function built yet: the command builds them before deploying, --skip-build or not.
  rmSync(join(dist, 'cloudfunctions'), { recursive: true, force: true });
  const first = await deploy('--skip-weapp');
  expect(existsSync(join(dist, 'cloudfunctions', 'concern', 'index.js'))).toBe(true);

  expect(first.out).toContain('部署完成');
  expect(first.code).toBe(0);
  expect([...api.env.collections.keys()].sort()).toEqual(COLLECTIONS.map((c) => c.name).sort());
  expect(api.env.collections.get('users')!.indexes.find((i) => i.name === 'openid')?.unique).toBe(true);
  expect(api.env.collections.get('users')!.rule).toEqual({ read: false, write: false });
  expect(api.env.storageRule).toEqual(STORAGE_RULE);
  const duty = api.env.functions.get('duty')!;
  expect(duty.timeout).toBe(10);
  expect(duty.triggers).toEqual([{ name: 'markAbsences', config: '0 */10 * * * * *' }]);
  expect(duty.env.DUTY_CODE_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(first.out).not.toContain(duty.env.DUTY_CODE_SECRET);
  expect(Object.keys(api.code.get('notice')!).sort()).toEqual(['config.json', 'index.js', 'package.json']);
  expect(api.env.functions.get('notice')!.openapi).toEqual(['subscribeMessage.send']);
  expect([...api.env.hosted.keys()].sort()).toEqual(['index.html', 'js/app.1.js']);
  const puts = api.calls.filter((c) => c.service === 'cos' && c.action.startsWith('PUT')).map((c) => c.action);
  expect(puts).toEqual(['PUT js/app.1.js', 'PUT index.html']);
  expect(Object.fromEntries(api.env.hostedCache)).toEqual({
    'js/app.1.js': 'public, max-age=300',
    'index.html': 'no-cache',
  });
  const signed = api.calls.filter((c) => c.service !== 'cos');
  expect(new Set(signed.map((c) => c.credential.split('/')[0]))).toEqual(new Set(['AKIDstandin']));
  const created = api.writes().length;

  const second = await deploy('--skip-weapp');

  expect(second.code).toBe(0);
  expect(second.out).toContain('环境已是最新，无需更改');
  expect(api.writes()).toHaveLength(created);
  expect(api.env.functions.get('duty')!.env.DUTY_CODE_SECRET).toBe(duty.env.DUTY_CODE_SECRET);
});

it('when the API fails part way, then the run stops with what was done, and the next run finishes without redoing it', async () => {
  api.env.failOnWrite = 40;

  const first = await deploy('--skip-weapp');

  expect(first.code).toBe(1);
  expect(first.out).toMatch(/部署失败：集合 \S+：.*网络中断.*已完成 39\/\d+ 步/);
  const before = api.env.writeCalls().map((c) => JSON.stringify(c.args.slice(0, 2)) + c.method);
  api.env.calls = [];

  const second = await deploy('--skip-weapp');

  expect(second.code).toBe(0);
  const again = api.env.writeCalls().map((c) => JSON.stringify(c.args.slice(0, 2)) + c.method);
  expect(again.filter((c) => before.slice(0, -1).includes(c))).toEqual([]);
  expect([...api.env.collections.keys()]).toHaveLength(COLLECTIONS.length);
});

it('when deploy runs with --dry-run, then it prints the plan from what the API reports and writes nothing', async () => {
  const { code, out } = await deploy('--dry-run', '--skip-weapp');

  expect(code).toBe(0);
  expect(out).toContain('+ 新建  集合 users');
  expect(out).toContain('新建索引 openid（openid ↑，唯一）');
  expect(out).toContain('密钥 DUTY_CODE_SECRET：首次生成（随机，值不显示）');
  expect(out).toContain('+ 新建  静态网站（h5 管理端）');
  expect(out).toContain('！密钥 CUSTOM_LOGIN_KEY 未提供：设置 CUSTOM_LOGIN_KEY_PATH 指向从控制台下载的文件后再部署');
  expect(out).toContain('（演练：未做任何更改）');
  expect(api.writes()).toEqual([]);
  expect(api.calls.length).toBeGreaterThan(0);
});

it('when the weapp was uploaded before, then the dry run reads the record from storage and knows the same build', async () => {
  const first = await deploy('--dry-run');
  expect(first.out).toContain('+ 新建  小程序版本');
  expect(api.calls.filter((c) => c.service === 'cos').map((c) => c.action)).toContain('HEAD deploy/weapp.json');

  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const record = { version, hash: hashDir(join(dist, 'weapp')) };
  api.files.set('deploy/weapp.json', Buffer.from(JSON.stringify(record)));
  const second = await deploy('--dry-run');

  expect(second.code).toBe(0);
  expect(second.out).toContain('= 不变  小程序版本');
  expect(api.calls.map((c) => c.action)).toContain('storage.batchGetDownloadUrl');
  expect(api.writes()).toEqual([]);
});
