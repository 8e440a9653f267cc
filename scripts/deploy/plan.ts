/**
 * The plan: what must change for an environment to match the repository, as a list of items (one
 * per collection, rule, function, site, weapp) each marked create / change / unchanged with the
 * operations that make it so. Pure: it compares two descriptions and never calls the platform, so
 * `--dry-run`, the real run and a resumed run all come from the same comparison.
 */
import { IMMUTABLE, REVALIDATE } from '../../emulator/routes/caching';
import { BUNDLE_HASH_VAR, type Desired } from './desired';
import type { FunctionSpec, FunctionState, HostedUpload, IndexSpec, Rule, TimerTrigger, WeappRecord } from './platform';

/** What an environment has now, as read through the Platform. */
export interface Actual {
  collections: Map<string, { indexes: IndexSpec[]; rule: Rule | null }>;
  storageRule: Rule | null;
  functions: Map<string, FunctionState>;
  hosted: Map<string, string>;
  weapp: WeappRecord | null;
}

export type Op =
  | { type: 'createCollection'; collection: string }
  | { type: 'createIndex'; collection: string; index: IndexSpec }
  | { type: 'dropIndex'; collection: string; name: string }
  | { type: 'setCollectionRule'; collection: string; rule: Rule }
  | { type: 'setStorageRule'; rule: Rule }
  | { type: 'createFunction'; fn: FunctionSpec }
  | { type: 'updateFunctionCode'; fn: FunctionSpec }
  | { type: 'updateFunctionConfig'; name: string; timeout: number; env: Record<string, string> }
  | { type: 'createTrigger'; fn: string; trigger: TimerTrigger }
  | { type: 'deleteTrigger'; fn: string; name: string }
  | { type: 'uploadHostedFiles'; files: HostedUpload[] }
  | { type: 'uploadWeapp'; dir: string; version: string; description: string; hash: string };

export type Status = 'create' | 'change' | 'unchanged';

export interface PlanItem {
  status: Status;
  /** e.g. 集合 users, 云函数 duty */
  target: string;
  /** What will be done (or what is there), one line each, in Chinese, with no secret value. */
  notes: string[];
  /** What a person must still do, shown whatever the status. */
  warnings?: string[];
  ops: Op[];
}

export function makePlan(desired: Desired, actual: Actual, newSecret: () => string): PlanItem[] {
  return [
    ...desired.collections.map((c) => collectionItem(c.name, c.indexes, c.rule, actual)),
    storageItem(desired.storageRule, actual.storageRule),
    ...desired.functions.map((f) => functionItem(f, actual.functions.get(f.name) ?? null, newSecret)),
    ...(desired.hosting ? [hostingItem(desired.hosting, actual.hosted)] : []),
    ...(desired.weapp ? [weappItem(desired.weapp, actual.weapp)] : []),
  ];
}

function collectionItem(name: string, indexes: IndexSpec[], rule: Rule, actual: Actual): PlanItem {
  const target = `集合 ${name}`;
  const now = actual.collections.get(name);
  if (!now) {
    return {
      status: 'create',
      target,
      notes: [...indexes.map((i) => `新建索引 ${describeIndex(i)}`), `安全规则 ${ruleText(rule)}`],
      ops: [
        { type: 'createCollection', collection: name },
        ...indexes.map((index): Op => ({ type: 'createIndex', collection: name, index })),
        { type: 'setCollectionRule', collection: name, rule },
      ],
    };
  }
  const notes: string[] = [];
  const ops: Op[] = [];
  for (const index of indexes) {
    const existing = now.indexes.find((i) => i.name === index.name);
    if (existing && sameIndex(existing, index)) continue;
    if (existing) {
      notes.push(`重建索引 ${describeIndex(existing)} → ${describeIndex(index)}`);
      ops.push({ type: 'dropIndex', collection: name, name: index.name });
    } else notes.push(`新建索引 ${describeIndex(index)}`);
    ops.push({ type: 'createIndex', collection: name, index });
  }
  for (const extra of now.indexes.filter((i) => !indexes.some((d) => d.name === i.name)))
    notes.push(`保留未声明的索引 ${describeIndex(extra)}（不删除）`);
  if (!sameRule(now.rule, rule)) {
    notes.push(`安全规则 ${now.rule ? ruleText(now.rule) : '（未设置）'} → ${ruleText(rule)}`);
    ops.push({ type: 'setCollectionRule', collection: name, rule });
  }
  return { status: ops.length ? 'change' : 'unchanged', target, notes, ops };
}

function storageItem(rule: Rule, now: Rule | null): PlanItem {
  const target = '云存储安全规则';
  if (sameRule(now, rule)) return { status: 'unchanged', target, notes: [], ops: [] };
  return {
    status: now ? 'change' : 'create',
    target,
    notes: [now ? `${ruleText(now)} → ${ruleText(rule)}` : ruleText(rule)],
    ops: [{ type: 'setStorageRule', rule }],
  };
}

function functionItem(
  decl: Desired['functions'][number],
  now: FunctionState | null,
  newSecret: () => string,
): PlanItem {
  const target = `云函数 ${decl.name}`;
  const notes: string[] = [];
  const warnings: string[] = [];
  const env: Record<string, string> = { ...(now?.env ?? {}), ...decl.env };
  for (const secret of decl.secrets) {
    if (now?.env[secret]) notes.push(`密钥 ${secret}：沿用环境中已有的值`);
    else {
      env[secret] = newSecret();
      notes.push(`密钥 ${secret}：首次生成（随机，值不显示）`);
    }
  }
  for (const p of decl.provided) {
    if (p.value !== null && p.value !== now?.env[p.name]) {
      env[p.name] = p.value;
      notes.push(`密钥 ${p.name}：${now?.env[p.name] ? '换成' : '设为'} ${p.fromFile} 所指文件的内容（值不显示）`);
    } else if (now?.env[p.name]) notes.push(`密钥 ${p.name}：沿用环境中已有的值`);
    else warnings.push(`密钥 ${p.name} 未提供：设置 ${p.fromFile} 指向从控制台下载的文件后再部署`);
  }
  const secretNames = [...decl.secrets, ...decl.provided.map((p) => p.name)];
  env[BUNDLE_HASH_VAR] = decl.codeHash;
  const spec: FunctionSpec = {
    name: decl.name,
    dir: decl.dir,
    timeout: decl.timeout,
    env,
    triggers: decl.triggers,
    openapi: decl.openapi,
  };
  if (!now) {
    notes.unshift(
      `超时 ${decl.timeout} 秒`,
      ...decl.triggers.map((t) => `定时触发器 ${t.name}（${t.config}）`),
      ...(decl.openapi.length ? [`云调用权限 ${decl.openapi.join('、')}（随代码包的 config.json）`] : []),
    );
    return { status: 'create', target, notes, warnings, ops: [{ type: 'createFunction', fn: spec }] };
  }
  const ops: Op[] = [];
  if (now.env[BUNDLE_HASH_VAR] !== decl.codeHash) {
    notes.push('代码已变，上传新代码包（云端安装依赖）');
    ops.push({ type: 'updateFunctionCode', fn: spec });
  }
  const settings: string[] = [];
  if (now.timeout !== decl.timeout) settings.push(`超时 ${now.timeout} → ${decl.timeout} 秒`);
  for (const key of Object.keys(env).sort()) {
    if (now.env[key] === env[key] || key === BUNDLE_HASH_VAR) continue;
    if (!secretNames.includes(key)) settings.push(`环境变量 ${key}：${now.env[key] ?? '（无）'} → ${env[key]}`);
  }
  if (settings.length || ops.length || !sameEnv(now.env, env)) {
    notes.push(...settings);
    ops.push({ type: 'updateFunctionConfig', name: decl.name, timeout: decl.timeout, env });
  }
  for (const trigger of decl.triggers) {
    const existing = now.triggers.find((t) => t.name === trigger.name);
    if (existing?.config === trigger.config) continue;
    if (existing) {
      notes.push(`定时触发器 ${trigger.name}：${existing.config} → ${trigger.config}`);
      ops.push({ type: 'deleteTrigger', fn: decl.name, name: trigger.name });
    } else notes.push(`新建定时触发器 ${trigger.name}（${trigger.config}）`);
    ops.push({ type: 'createTrigger', fn: decl.name, trigger });
  }
  for (const stale of now.triggers.filter((t) => !decl.triggers.some((d) => d.name === t.name))) {
    notes.push(`删除不再声明的定时触发器 ${stale.name}（${stale.config}）`);
    ops.push({ type: 'deleteTrigger', fn: decl.name, name: stale.name });
  }
  return { status: ops.length ? 'change' : 'unchanged', target, notes: ops.length ? notes : [], warnings, ops };
}

function hostingItem(hosting: NonNullable<Desired['hosting']>, hosted: Map<string, string>): PlanItem {
  const target = '静态网站（h5 管理端）';
  const changed = hosting.files.filter((f) => hosted.get(f.path) !== f.md5);
  const kept = hosting.files.length - changed.length;
  // The entry page goes last, so it never points at a script that is not there yet.
  const batches = [changed.filter((f) => f.path !== 'index.html'), changed.filter((f) => f.path === 'index.html')];
  if (!changed.length) return { status: 'unchanged', target, notes: [], ops: [] };
  return {
    status: hosted.size ? 'change' : 'create',
    target,
    notes: [
      `上传 ${changed.length} 个文件${kept ? `，${kept} 个未变` : ''}`,
      `缓存：带内容哈希的 ${changed.filter((f) => f.cacheControl === IMMUTABLE).length} 个文件一年不变（${IMMUTABLE}），index.html 每次验证（${REVALIDATE}）`,
    ],
    ops: batches
      .filter((b) => b.length)
      .map((b): Op => ({
        type: 'uploadHostedFiles',
        files: b.map((f) => ({ localPath: f.localPath, path: f.path, cacheControl: f.cacheControl })),
      })),
  };
}

function weappItem(weapp: NonNullable<Desired['weapp']>, now: WeappRecord | null): PlanItem {
  const target = '小程序版本';
  if (now && now.version === weapp.version && now.hash === weapp.hash)
    return { status: 'unchanged', target, notes: [`${weapp.version} 已上传`], ops: [] };
  const sameVersion = now?.version === weapp.version;
  return {
    status: now ? 'change' : 'create',
    target,
    notes: [
      `上传 ${weapp.version}「${weapp.description}」${now && !sameVersion ? `（环境中记录的是 ${now.version}）` : ''}`,
    ],
    // Review and release go by version: a changed build under the same number is easy to mistake.
    warnings: sameVersion ? [`构建已变，版本号仍是 ${weapp.version}：提交审核前请在 package.json 提高版本号`] : [],
    ops: [
      { type: 'uploadWeapp', dir: weapp.dir, version: weapp.version, description: weapp.description, hash: weapp.hash },
    ],
  };
}

const MARK: Record<Status, string> = { create: '+ 新建', change: '~ 修改', unchanged: '= 不变' };

/** The plan as a person reads it: every item with its mark, then the totals. */
export function formatPlan(plan: PlanItem[], envId: string): string {
  const lines = [`部署计划：环境 ${envId}`];
  for (const item of plan) {
    lines.push(`${MARK[item.status]}  ${item.target}`);
    if (item.status !== 'unchanged') for (const note of item.notes) lines.push(`        ${note}`);
    for (const warning of item.warnings ?? []) lines.push(`        ！${warning}`);
  }
  const count = (s: Status) => plan.filter((i) => i.status === s).length;
  lines.push(`合计：新建 ${count('create')} 项，修改 ${count('change')} 项，不变 ${count('unchanged')} 项`);
  return lines.join('\n');
}

function describeIndex(i: IndexSpec): string {
  const keys = i.keys.map((k) => `${k.field} ${k.direction === 1 ? '↑' : '↓'}`).join(', ');
  return `${i.name}（${keys}${i.unique ? '，唯一' : ''}）`;
}

function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return (
    a.unique === b.unique &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, n) => k.field === b.keys[n].field && k.direction === b.keys[n].direction)
  );
}

export function ruleText(rule: Rule): string {
  return JSON.stringify({ read: rule.read, write: rule.write });
}

function sameRule(a: Rule | null, b: Rule): boolean {
  return a !== null && ruleText(a) === ruleText(b);
}

function sameEnv(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}
