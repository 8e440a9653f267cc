/** The plan on its own: two descriptions in, the items and operations out, no platform involved. */
import { BUNDLE_HASH_VAR, STORAGE_RULE, type Desired } from '../../scripts/deploy/desired';
import { makePlan, type Actual } from '../../scripts/deploy/plan';

const closed = { read: false, write: false };

function desired(): Desired {
  return {
    collections: [{ name: 'users', rule: closed, indexes: [] }],
    storageRule: STORAGE_RULE,
    functions: [
      {
        name: 'duty',
        dir: '/dist/duty',
        timeout: 10,
        triggers: [{ name: 'markAbsences', config: '0 */10 * * * * *' }],
        openapi: [],
        env: { TZ: 'Asia/Shanghai' },
        secrets: ['DUTY_CODE_SECRET'],
        provided: [],
        codeHash: 'h1',
      },
    ],
    hosting: null,
    weapp: { dir: '/dist/weapp', version: '0.2.0', description: '连心桥 0.2.0', hash: 'w2' },
  };
}

function deployed(
  env: Record<string, string>,
  triggers = [{ name: 'markAbsences', config: '0 */10 * * * * *' }],
): Actual {
  return {
    collections: new Map([['users', { indexes: [], rule: closed }]]),
    storageRule: STORAGE_RULE,
    functions: new Map([['duty', { name: 'duty', timeout: 10, env, triggers }]]),
    hosted: new Map(),
    weapp: { version: '0.2.0', hash: 'w2' },
  };
}

const never = () => {
  throw new Error('no secret should be generated');
};

it('when the function has its secret and nothing changed, then the plan leaves it alone and generates nothing', () => {
  const plan = makePlan(
    desired(),
    deployed({ TZ: 'Asia/Shanghai', DUTY_CODE_SECRET: 's1', [BUNDLE_HASH_VAR]: 'h1' }),
    never,
  );

  expect(plan.map((i) => [i.target, i.status])).toEqual([
    ['集合 users', 'unchanged'],
    ['云存储安全规则', 'unchanged'],
    ['云函数 duty', 'unchanged'],
    ['小程序版本', 'unchanged'],
  ]);
});

it('when the secret was deleted in the console, then a new one is generated and only the settings are updated', () => {
  const plan = makePlan(desired(), deployed({ TZ: 'Asia/Shanghai', [BUNDLE_HASH_VAR]: 'h1' }), () => 'fresh');

  const duty = plan.find((i) => i.target === '云函数 duty')!;
  expect(duty.notes).toEqual(['密钥 DUTY_CODE_SECRET：首次生成（随机，值不显示）']);
  expect(duty.ops).toEqual([
    {
      type: 'updateFunctionConfig',
      name: 'duty',
      timeout: 10,
      env: { TZ: 'Asia/Shanghai', DUTY_CODE_SECRET: 'fresh', [BUNDLE_HASH_VAR]: 'h1' },
    },
  ]);
});

it('when a setting and a timer changed, then the plan shows old → new, keeps the secret, and replaces the timer', () => {
  const now = deployed({ TZ: 'UTC', DUTY_CODE_SECRET: 's1', [BUNDLE_HASH_VAR]: 'h0' }, [
    { name: 'markAbsences', config: '0 */5 * * * * *' },
  ]);

  const duty = makePlan(desired(), now, never).find((i) => i.target === '云函数 duty')!;

  expect(duty.status).toBe('change');
  expect(duty.notes).toEqual([
    '密钥 DUTY_CODE_SECRET：沿用环境中已有的值',
    '代码已变，上传新代码包（云端安装依赖）',
    '环境变量 TZ：UTC → Asia/Shanghai',
    '定时触发器 markAbsences：0 */5 * * * * * → 0 */10 * * * * *',
  ]);
  expect(duty.ops.map((o) => o.type)).toEqual([
    'updateFunctionCode',
    'updateFunctionConfig',
    'deleteTrigger',
    'createTrigger',
  ]);
  expect(duty.notes.join('')).not.toContain('s1');
});

it('when a new version is built, then the weapp is uploaded again with its version and description', () => {
  const now = {
    ...deployed({ DUTY_CODE_SECRET: 's1', TZ: 'Asia/Shanghai', [BUNDLE_HASH_VAR]: 'h1' }),
    weapp: { version: '0.1.0', hash: 'w1' },
  };

  const weapp = makePlan(desired(), now, never).find((i) => i.target === '小程序版本')!;

  expect(weapp.status).toBe('change');
  expect(weapp.notes).toEqual(['上传 0.2.0「连心桥 0.2.0」（环境中记录的是 0.1.0）']);
  expect(weapp.ops).toEqual([
    { type: 'uploadWeapp', dir: '/dist/weapp', version: '0.2.0', description: '连心桥 0.2.0', hash: 'w2' },
  ]);
});

describe('a secret the platform issues (the custom-login key)', () => {
  const withKey = (value: string | null): Desired => {
    const d = desired();
    d.functions[0].provided = [{ name: 'CUSTOM_LOGIN_KEY', fromFile: 'CUSTOM_LOGIN_KEY_PATH', value }];
    return d;
  };
  const base = { TZ: 'Asia/Shanghai', DUTY_CODE_SECRET: 's1', [BUNDLE_HASH_VAR]: 'h1' };

  it('when it is given for the first time, then it is set on the function without showing it', () => {
    const duty = makePlan(withKey('{"k":1}'), deployed(base), never).find((i) => i.target === '云函数 duty')!;

    expect(duty.notes).toContain('密钥 CUSTOM_LOGIN_KEY：设为 CUSTOM_LOGIN_KEY_PATH 所指文件的内容（值不显示）');
    expect(duty.ops).toEqual([
      { type: 'updateFunctionConfig', name: 'duty', timeout: 10, env: { ...base, CUSTOM_LOGIN_KEY: '{"k":1}' } },
    ]);
    expect(duty.notes.join('')).not.toContain('"k"');
  });

  it('when it is not given, then one already on the function is kept, and a missing one is a warning', () => {
    const kept = makePlan(withKey(null), deployed({ ...base, CUSTOM_LOGIN_KEY: 'k0' }), never)[2];
    const missing = makePlan(withKey(null), deployed(base), never)[2];

    expect([kept.status, kept.warnings]).toEqual(['unchanged', []]);
    expect([missing.status, missing.warnings]).toEqual([
      'unchanged',
      ['密钥 CUSTOM_LOGIN_KEY 未提供：设置 CUSTOM_LOGIN_KEY_PATH 指向从控制台下载的文件后再部署'],
    ]);
  });
});

it('when the build changed but the version did not, then it is uploaded with a warning to raise the version', () => {
  const now = {
    ...deployed({ DUTY_CODE_SECRET: 's1', TZ: 'Asia/Shanghai', [BUNDLE_HASH_VAR]: 'h1' }),
    weapp: { version: '0.2.0', hash: 'w1' },
  };

  const weapp = makePlan(desired(), now, never).find((i) => i.target === '小程序版本')!;

  expect([weapp.status, weapp.notes, weapp.warnings]).toEqual([
    'change',
    ['上传 0.2.0「连心桥 0.2.0」'],
    ['构建已变，版本号仍是 0.2.0：提交审核前请在 package.json 提高版本号'],
  ]);
});
