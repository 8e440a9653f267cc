/**
 * Reads what an environment has, plans, and (unless it is a dry run) carries the plan out one
 * operation at a time. A failure stops the run with what was done so far; running again plans from
 * the environment as it then is, so nothing done is done twice.
 */
import { randomBytes } from 'node:crypto';
import type { Desired } from './desired';
import { formatPlan, makePlan, type Actual, type Op, type PlanItem } from './plan';
import type { Platform } from './platform';

export async function readActual(platform: Platform, desired: Desired): Promise<Actual> {
  const existing = new Set(await platform.listCollections());
  const collections: Actual['collections'] = new Map();
  for (const c of desired.collections) {
    if (!existing.has(c.name)) continue;
    const [indexes, rule] = await Promise.all([platform.getIndexes(c.name), platform.getCollectionRule(c.name)]);
    collections.set(c.name, { indexes, rule });
  }
  const functions: Actual['functions'] = new Map();
  for (const f of desired.functions) {
    const state = await platform.getFunction(f.name);
    if (state) functions.set(f.name, state);
  }
  return {
    collections,
    storageRule: await platform.getStorageRule(),
    functions,
    hosted: desired.hosting
      ? new Map((await platform.listHostedFiles()).map((f) => [f.path, f.md5]))
      : new Map<string, string>(),
    weapp: desired.weapp ? await platform.getWeappRecord() : null,
  };
}

/** 32 random bytes, URL-safe: long enough for an HMAC key, printable in a console field. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function runOp(platform: Platform, op: Op): Promise<void> {
  switch (op.type) {
    case 'createCollection':
      return platform.createCollection(op.collection);
    case 'createIndex':
      return platform.createIndex(op.collection, op.index);
    case 'dropIndex':
      return platform.dropIndex(op.collection, op.name);
    case 'setCollectionRule':
      return platform.setCollectionRule(op.collection, op.rule);
    case 'setStorageRule':
      return platform.setStorageRule(op.rule);
    case 'createFunction':
      return platform.createFunction(op.fn);
    case 'updateFunctionCode':
      return platform.updateFunctionCode(op.fn);
    case 'updateFunctionConfig':
      return platform.updateFunctionConfig(op.name, op.timeout, op.env);
    case 'createTrigger':
      return platform.createTrigger(op.fn, op.trigger);
    case 'deleteTrigger':
      return platform.deleteTrigger(op.fn, op.name);
    case 'uploadHostedFiles':
      return platform.uploadHostedFiles(op.files);
    case 'uploadWeapp':
      return platform.uploadWeapp(op.dir, op.version, op.description, op.hash);
  }
}

export interface DeployOptions {
  envId: string;
  dryRun: boolean;
  log: (line: string) => void;
  newSecret?: () => string;
}

export interface DeployResult {
  plan: PlanItem[];
  /** Operations carried out in this run (0 for a dry run). */
  done: number;
}

export async function deploy(platform: Platform, desired: Desired, options: DeployOptions): Promise<DeployResult> {
  const actual = await readActual(platform, desired);
  const plan = makePlan(desired, actual, options.newSecret ?? generateSecret);
  options.log(formatPlan(plan, options.envId));
  if (options.dryRun) {
    options.log('（演练：未做任何更改）');
    return { plan, done: 0 };
  }
  const total = plan.reduce((n, item) => n + item.ops.length, 0);
  let done = 0;
  for (const item of plan) {
    for (const op of item.ops) {
      try {
        await runOp(platform, op);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new Error(`${item.target}：${why}（已完成 ${done}/${total} 步；修正后再运行一次，已完成的不会重做）`, {
          cause: err,
        });
      }
      done += 1;
    }
    if (item.ops.length) options.log(`✓ ${item.target}`);
  }
  options.log(total ? `部署完成：${total} 步` : '环境已是最新，无需更改');
  return { plan, done };
}
