/**
 * `npm run deploy` against a recording stand-in of a WeChat Cloud environment (test/deploy/standin.ts):
 * the plan for an empty environment, the idempotent second run, a failure resumed, the secrets, and
 * the dry run's printed diff.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/shared/collections';
import { DIST } from '../../scripts/paths';
import { deploy } from '../../scripts/deploy/apply';
import { BUNDLE_HASH_VAR, STORAGE_RULE, loadDesired, type Desired } from '../../scripts/deploy/desired';
import { StandIn } from './standin';

let dist: string;
const logs: string[] = [];
const log = (line: string) => logs.push(line);

function desired(): Desired {
  return loadDesired(COLLECTIONS, { dist, version: '0.1.0', description: '连心桥 0.1.0', h5: true, weapp: true });
}

async function run(env: StandIn, dryRun = false) {
  logs.length = 0;
  return deploy(env, desired(), { envId: 'lxq-test', dryRun, log });
}

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'lxq-deploy-'));
  cpSync(join(DIST, 'cloudfunctions'), join(dist, 'cloudfunctions'), { recursive: true });
  mkdirSync(join(dist, 'h5', 'js'), { recursive: true });
  writeFileSync(join(dist, 'h5', 'index.html'), '<script src="js/app.1.js"></script>');
  writeFileSync(join(dist, 'h5', 'js', 'app.1.js'), 'console.log(1)');
  writeFileSync(join(dist, 'h5', 'js', 'vendors.1a2b3c4d.js'), 'console.log(2)');
  mkdirSync(join(dist, 'weapp'));
  writeFileSync(join(dist, 'weapp', 'app.js'), 'App({})');
});

afterEach(() => rmSync(dist, { recursive: true, force: true }));

const functionNames = () => readdirSync(join(DIST, 'cloudfunctions')).sort();

describe('deploy to an empty environment', () => {
  it('when the environment is empty, then every collection, index, rule, function, the site and the weapp are created', async () => {
    const env = new StandIn();
    const { plan } = await run(env);

    expect(plan.every((i) => i.status === 'create')).toBe(true);
    expect([...env.collections.keys()].sort()).toEqual(COLLECTIONS.map((c) => c.name).sort());
    for (const c of COLLECTIONS) {
      const made = env.collections.get(c.name)!;
      expect(made.rule).toEqual({ read: false, write: false });
      expect(made.indexes.map((i) => i.name)).toEqual(c.indexes.map((i) => i.name));
    }
    expect(env.collections.get('users')!.indexes.find((i) => i.name === 'openid')).toEqual({
      name: 'openid',
      unique: true,
      keys: [{ field: 'openid', direction: 1 }],
    });
    expect(env.storageRule).toEqual(STORAGE_RULE);

    expect([...env.functions.keys()].sort()).toEqual(functionNames());
    const notice = env.functions.get('notice')!;
    expect(notice.timeout).toBe(60);
    expect(notice.triggers).toEqual([{ name: 'deliver', config: '0 * * * * * *' }]);
    expect(notice.openapi).toEqual(['subscribeMessage.send']);
    expect(env.functions.get('concern')!.triggers.map((t) => t.name)).toEqual([
      'dailyReminder',
      'dailyReminderResume',
      'weeklyDigest',
    ]);
    expect(env.functions.get('duty')!.env.DUTY_CODE_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect([...env.hosted.keys()]).toEqual(['js/app.1.js', 'js/vendors.1a2b3c4d.js', 'index.html']);
    // served as the emulator serves them: hashed assets a year, the entry page revalidated
    expect(Object.fromEntries(env.hostedCache)).toEqual({
      'js/app.1.js': 'public, max-age=300',
      'js/vendors.1a2b3c4d.js': 'public, max-age=31536000, immutable',
      'index.html': 'no-cache',
    });
    const site = plan.find((i) => i.target.startsWith('静态网站'))!;
    expect(site.notes[1]).toContain('带内容哈希的 1 个文件一年不变（public, max-age=31536000, immutable）');
    expect(site.ops.flatMap((o) => (o.type === 'uploadHostedFiles' ? o.files.map((f) => f.cacheControl) : []))).toEqual(
      ['public, max-age=300', 'public, max-age=31536000, immutable', 'no-cache'],
    );
    expect(env.weappUploads).toEqual([{ version: '0.1.0', description: '连心桥 0.1.0' }]);
    expect(logs.at(-1)).toMatch(/^部署完成：\d+ 步$/);
  });

  it('when it runs a second time on the same builds, then it changes nothing and says so', async () => {
    const env = new StandIn();
    await run(env);
    env.calls = [];

    const { plan, done } = await run(env);

    expect(done).toBe(0);
    expect(env.writeCalls()).toEqual([]);
    expect(plan.filter((i) => i.status !== 'unchanged')).toEqual([]);
    expect(logs.at(-1)).toBe('环境已是最新，无需更改');
    expect(env.weappUploads).toHaveLength(1);
  });
});

describe('a deploy that fails part way', () => {
  it.each([3, 60, 95])(
    'when change number %i fails, then the next run completes without redoing what was done',
    async (failing) => {
      const clean = new StandIn();
      await run(clean);
      const all = clean.writeCalls().map((c) => JSON.stringify([c.method, c.args[0], c.args[1]]));

      const env = new StandIn();
      env.failOnWrite = failing;
      await expect(run(env)).rejects.toThrow(new RegExp(`已完成 ${failing - 1}/${all.length} 步`));
      const first = env.writeCalls().map((c) => JSON.stringify([c.method, c.args[0], c.args[1]]));
      env.calls = [];

      const { done } = await run(env);

      const second = env.writeCalls().map((c) => JSON.stringify([c.method, c.args[0], c.args[1]]));
      expect(done).toBe(all.length - (failing - 1));
      expect(second).toEqual(all.slice(failing - 1));
      expect([...first.slice(0, -1), ...second]).toEqual(all);
      expect(env.collections).toEqual(clean.collections);
      expect([...env.functions.keys()]).toEqual([...clean.functions.keys()]);
    },
  );
});

describe('function secrets', () => {
  it('when the duty function is first deployed, then its secret is generated once, kept on redeploy, and written nowhere else', async () => {
    const env = new StandIn();
    await run(env);
    const secret = env.functions.get('duty')!.env.DUTY_CODE_SECRET;
    const firstLog = logs.join('\n');

    writeFileSync(join(dist, 'cloudfunctions', 'duty', 'index.js'), '\n// changed', { flag: 'a' });
    env.calls = [];
    await run(env);

    expect(env.writeCalls().map((c) => [c.method, c.args[0]])).toEqual([
      ['updateFunctionCode', 'duty'],
      ['updateFunctionConfig', 'duty'],
    ]);
    expect(env.functions.get('duty')!.env.DUTY_CODE_SECRET).toBe(secret);
    expect(logs.join('\n')).toContain('密钥 DUTY_CODE_SECRET：沿用环境中已有的值');
    for (const text of [firstLog, logs.join('\n'), ...filesUnder(dist).map((f) => readFileSync(f, 'utf8'))])
      expect(text).not.toContain(secret);
  });

  it('when someone set a variable on a function in the console, then a redeploy keeps it', async () => {
    const env = new StandIn();
    await run(env);
    env.functions.get('concern')!.env.EXTRA = 'kept';
    writeFileSync(join(dist, 'cloudfunctions', 'concern', 'index.js'), '\n// changed', { flag: 'a' });

    await run(env);

    expect(env.functions.get('concern')!.env).toMatchObject({ EXTRA: 'kept' });
    expect(env.functions.get('concern')!.env[BUNDLE_HASH_VAR]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the custom-login key', () => {
  afterEach(() => delete process.env.CUSTOM_LOGIN_KEY_PATH);

  it('when CUSTOM_LOGIN_KEY_PATH names the downloaded key, then the account function gets its content, shown nowhere', async () => {
    const key = JSON.stringify({ private_key_id: 'kid', private_key: 'PEM-TEXT', env_id: 'lxq-test' });
    const file = join(tmpdir(), `lxq-custom-login-${process.pid}.json`);
    writeFileSync(file, key);
    process.env.CUSTOM_LOGIN_KEY_PATH = file;
    const env = new StandIn();

    await run(env);

    expect(env.functions.get('account')!.env.CUSTOM_LOGIN_KEY).toBe(key);
    expect(logs.join('\n')).toContain('密钥 CUSTOM_LOGIN_KEY：设为 CUSTOM_LOGIN_KEY_PATH 所指文件的内容（值不显示）');
    expect(logs.join('\n')).not.toContain('PEM-TEXT');
    rmSync(file);
  });

  it('when CUSTOM_LOGIN_KEY_PATH points into the repository, then the deploy refuses before anything is read', () => {
    process.env.CUSTOM_LOGIN_KEY_PATH = join(__dirname, 'standin.ts');

    expect(() => desired()).toThrow('CUSTOM_LOGIN_KEY_PATH 指向仓库里的文件：密钥请放在仓库之外');
  });
});

describe('deploy --dry-run', () => {
  it('when the environment is empty, then it prints what it would create and changes nothing', async () => {
    const env = new StandIn();

    await run(env, true);

    const out = logs.join('\n');
    expect(env.writeCalls()).toEqual([]);
    expect(env.collections.size).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('部署计划：环境 lxq-test');
    expect(lines).toContain('+ 新建  集合 users');
    expect(lines).toContain('        新建索引 openid（openid ↑，唯一）');
    expect(lines).toContain('        安全规则 {"read":false,"write":false}');
    expect(lines).toContain('+ 新建  云存储安全规则');
    expect(lines).toContain('+ 新建  云函数 notice');
    expect(lines).toContain('        超时 60 秒');
    expect(lines).toContain('        定时触发器 deliver（0 * * * * * *）');
    expect(lines).toContain('        云调用权限 subscribeMessage.send（随代码包的 config.json）');
    expect(lines).toContain('        密钥 DUTY_CODE_SECRET：首次生成（随机，值不显示）');
    expect(lines).toContain('+ 新建  静态网站（h5 管理端）');
    expect(lines).toContain('        上传 3 个文件');
    expect(lines).toContain('        上传 0.1.0「连心桥 0.1.0」');
    const items = COLLECTIONS.length + 1 + functionNames().length + 2;
    expect(lines).toContain(`合计：新建 ${items} 项，修改 0 项，不变 0 项`);
    expect(lines.at(-1)).toBe('（演练：未做任何更改）');
  });

  it('when the environment differs in places, then it prints each difference and what is unchanged', async () => {
    const env = new StandIn();
    await run(env);
    const users = env.collections.get('users')!;
    users.indexes = users.indexes.map((i) => (i.name === 'openid' ? { ...i, unique: false } : i));
    env.collections.get('concerns')!.rule = { read: true, write: false };
    env.collections.delete('audit');
    const notice = env.functions.get('notice')!;
    notice.timeout = 20;
    notice.triggers.push({ name: 'old', config: '0 0 1 * * * *' });
    writeFileSync(join(dist, 'h5', 'js', 'app.1.js'), 'console.log(2)');
    env.calls = [];

    await run(env, true);

    expect(env.writeCalls()).toEqual([]);
    const lines = logs.join('\n').split('\n');
    const at = (target: string) => lines.slice(lines.indexOf(target) + 1).filter((l) => l.startsWith('   '));
    expect(lines).toContain('~ 修改  集合 users');
    expect(at('~ 修改  集合 users')[0]).toBe('        重建索引 openid（openid ↑） → openid（openid ↑，唯一）');
    expect(at('~ 修改  集合 concerns')[0]).toBe(
      '        安全规则 {"read":true,"write":false} → {"read":false,"write":false}',
    );
    expect(lines).toContain('+ 新建  集合 audit');
    expect(at('~ 修改  云函数 notice').slice(0, 2)).toEqual([
      '        超时 20 → 60 秒',
      '        删除不再声明的定时触发器 old（0 0 1 * * * *）',
    ]);
    expect(lines).toContain('~ 修改  静态网站（h5 管理端）');
    expect(lines).toContain('        上传 1 个文件，2 个未变');
    expect(lines).toContain('= 不变  云函数 duty');
    expect(lines).toContain('= 不变  云存储安全规则');
    expect(lines).toContain('= 不变  小程序版本');
    expect(lines).toContain(`合计：新建 1 项，修改 4 项，不变 ${COLLECTIONS.length + functionNames().length - 2} 项`);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}
