import { createHash } from 'node:crypto';
import { config, type ZodError } from 'zod';
import { zhCN } from 'zod/locales';
import { ACTIONS, REQUEST_ID_PATTERN, ROLE_LABELS, type ActionResult, type ActionName } from '@lxq/types';
import type { ActionContext, AnyActionDef } from './action';
import { loadCaller, mayAct, scopeUnitOf, type Caller } from './caller';
import { callerOpenid, startedByClient } from './cloud';
import { findAudit, insertAudit } from './data/audit';
import { isWebCaller, webCallerOpenid } from './webCaller';
import { checkInputShape } from './edge';
import { answerOfDone, inputHash } from './idempotency';
import { checkLimit } from './limits';
import { rememberId, runInRequest } from './resume';
import { AppError, forbidden, isDuplicateKey } from './errors';
import { reachTarget, type Reached, type Target } from './target';
import { applyMediaVerdict, isMediaCheckEvent } from './mediaVerdict';

config(zhCN());

interface CallEvent {
  action?: unknown;
  input?: unknown;
  requestId?: unknown;
}

/** What a timer trigger (config.json `triggers`, 7-field cron in UTC+8) sends the function. */
interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  /** When the trigger fired, ISO text. */
  Time: string;
}

/**
 * A function's timer jobs by trigger name. Each is given the firing time and runs with no caller
 * (no openid, no roles, no audit); it must be safe to run twice for the same time, since the
 * platform may retry a trigger.
 */
export type TimerHandlers = Record<string, (now: Date) => Promise<unknown>>;

function isTimerEvent(event: unknown): event is TimerEvent {
  return (event as TimerEvent | null)?.Type === 'Timer' && typeof (event as TimerEvent).TriggerName === 'string';
}

async function runTimer(fn: string, timers: TimerHandlers, event: TimerEvent): Promise<ActionResult<unknown>> {
  const handler = Object.prototype.hasOwnProperty.call(timers, event.TriggerName) ? timers[event.TriggerName] : null;
  if (!handler) return failure(new AppError('NOT_FOUND', `未知的定时任务：${fn}/${event.TriggerName}`));
  const at = new Date(event.Time);
  try {
    return { ok: true, data: await handler(Number.isNaN(at.getTime()) ? new Date() : at) };
  } catch (err) {
    return failure(err);
  }
}

/**
 * The one router every cloud function's index.ts exports as `main`: find the action, validate
 * its input, check who is calling and their scope, make a retried mutation answer what the first
 * did, run the handler, write the audit entry, and turn every failure into a Chinese message.
 * `timers` maps a config.json trigger name to its job: `{Type:'Timer', TriggerName, Time}` events
 * run it with the firing time, e.g. `createMain('concern', [...], { daily: runDaily })`.
 */
export function createMain(fn: string, defs: AnyActionDef[], timers: TimerHandlers = {}) {
  const byAction = new Map(defs.map((d) => [d.name.slice(fn.length + 1), d]));

  // The declarations ride along (`main.actions`): tests derive the access matrix and the
  // round-trip test's staff-only list from them.
  return Object.assign(main, { actions: defs });

  async function main(event: CallEvent | TimerEvent): Promise<ActionResult<unknown>> {
    // Timer triggers carry no action and no caller: they go to the function's timer jobs.
    // Only the platform's timer or a function fires a job: a person's call dressed up as one is refused.
    if (isTimerEvent(event)) {
      if (startedByClient()) return failure(forbidden('定时任务只能由定时器或云函数启动'));
      return runTimer(fn, timers, event);
    }
    // The platform's message push (an image check's verdict) carries no action either.
    if (isMediaCheckEvent(event)) {
      if (startedByClient()) return failure(forbidden('检查结果只能由微信平台推送'));
      return applyMediaVerdict(event, new Date()).then((data) => ({ ok: true, data }), failure);
    }
    const action = typeof event?.action === 'string' ? event.action : '';
    const def = byAction.get(action);
    if (!def) return failure(new AppError('NOT_FOUND', `未知的操作：${fn}.${action || '（空）'}`));

    const malformed = checkInputShape(event.input);
    if (malformed) return failure(malformed);
    const parsed = ACTIONS[def.name].input.safeParse(event.input ?? {});
    if (!parsed.success) return failure(validationError(parsed.error));
    const requestId = typeof event.requestId === 'string' ? event.requestId : '';
    if (def.mutates && !REQUEST_ID_PATTERN.test(requestId)) {
      return failure(new AppError('VALIDATION', '缺少请求编号，请刷新页面后重试', { requestId: '请求编号无效' }));
    }
    // A web page (CloudBase web SDK) has no openid: its login session says who it is.
    const openid = callerOpenid() || (await webCallerOpenid(new Date()));
    if (!openid) return failure(new AppError('UNAUTHENTICATED', unknownCallerMessage()));

    const key = def.mutates ? requestKey(def.name, openid, requestId) : '';
    const hash = key ? inputHash(parsed.data) : '';
    let counted: () => void;
    try {
      counted = await checkLimit(def.name, openid, key, def.limit, new Date());
    } catch (err) {
      return failure(err);
    }
    const attempt = async (resume: boolean) => {
      const ctx = makeContext(openid, key);
      const go = async () => {
        const target = await authorize(def, parsed.data, ctx);
        const data = await def.handler(parsed.data as never, ctx, target as Reached<unknown>);
        const result: ActionResult<unknown> = { ok: true, data };
        counted();
        if (key) return await recordOnce(def.name, key, hash, ctx, result);
        return result;
      };
      return key ? runInRequest(key, resume, go) : go();
    };
    try {
      if (key && !def.retrySafe) {
        const done = await findAudit(key);
        if (done) return answerOfDone(done, hash);
      }
      return await attempt(false);
    } catch (err) {
      if (!key || !(isDuplicateKey(err) || isStateRace(err))) return failure(err);
      // A duplicate key means a twin of this request got there first: wait for its answer. A
      // refused state change may be a twin too, or a plain refusal: look briefly, so a person
      // who is simply refused is not kept waiting.
      const twin = await waitForAudit(key, isDuplicateKey(err) ? 5 : 3);
      if (twin) return answerOfDone(twin, hash);
      // No answer was recorded: an earlier attempt may have died part-way. Finish its work
      // (resume.ts); a plain refusal is refused again the same way.
      try {
        return await attempt(true);
      } catch (again) {
        return failure(again);
      }
    }
  }
}

async function authorize(def: AnyActionDef, input: unknown, ctx: Context) {
  // Only a browser that is not signed in (a web caller of its own, `web:<uid>`) may, e.g., show a sign-in code.
  if (def.webGuestOnly && !ctx.openid.startsWith('web:')) {
    throw forbidden('请在电脑浏览器中打开登录页；已登录的电脑请先退出');
  }
  if (!def.roles.includes('citizen') && !mayAct(await ctx.caller(), def.roles)) {
    throw forbidden(`此操作仅限${def.roles.map((r) => ROLE_LABELS[r]).join('、')}`);
  }
  if (def.unitOf) {
    const path = await def.unitOf(input as never, ctx);
    if (path && !mayAct(await ctx.caller(), def.roles, path)) throw forbidden('该单位不在您的管辖范围内');
    ctx.unitPath = path;
  }
  const reached = def.target
    ? await reachTarget(def.target as Target<unknown, unknown>, def.roles, input, ctx)
    : undefined;
  // The audit entry is filed under the unit of the document acted on, so that unit's staff see it.
  if (reached) ctx.unitPath ??= def.target?.may.staffInScope?.(reached.doc as never) ?? null;
  // A person of a retired unit keeps reading their records but changes nothing (the caller is
  // already loaded for anyone with a user document; a citizen has none).
  if (def.mutates && ctx.loaded && (await ctx.caller()).user?.unitRetired) throw retiredUnit();
  return reached;
}

const retiredUnit = () => new AppError('INVALID_STATE', '所在单位已撤销，记录仅供查阅，不能再作更改');

type Context = ActionContext & {
  changes: { target: string; before: unknown; after: unknown } | null;
  /** The unit the call touched (unitOf, target or ctx.audit): the audit entry is filed under it. */
  unitPath: string[] | null;
  /** Whether caller() has been asked for. */
  loaded: boolean;
};

function makeContext(openid: string, key: string): Context {
  let caller: Promise<Caller> | null = null;
  const ctx: Context = {
    openid,
    now: new Date(),
    changes: null,
    unitPath: null,
    loaded: false,
    caller: () => {
      ctx.loaded = true;
      return (caller ??= loadCaller(openid));
    },
    async user() {
      const c = await ctx.caller();
      if (!c.user) throw forbidden('请先通过邀请码绑定委员或工作人员身份');
      return c.user;
    },
    async scopeUnitId() {
      return scopeUnitOf(await ctx.user()).unitId;
    },
    newId: (salt = '') => {
      const id = createHash('sha1')
        .update(`${key || Math.random()}|${salt}`)
        .digest('hex')
        .slice(0, 24);
      rememberId(id);
      return id;
    },
    audit(target, before, after, unitPath) {
      ctx.changes = { target, before: withoutMarks(before), after: withoutMarks(after) };
      if (unitPath) ctx.unitPath = unitPath;
    },
  };
  return ctx;
}

/**
 * A document as audited: without the resume marks it carries (`lastChange`, `bumps`), which say
 * nothing to a reader of the log and differ between a call and its retry.
 */
function withoutMarks(doc: unknown): unknown {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || doc instanceof Date) return doc;
  if (!('lastChange' in doc) && !('bumps' in doc)) return doc;
  const { lastChange: _last, bumps: _bumps, ...rest } = doc as Record<string, unknown>;
  return rest;
}

async function recordOnce(name: ActionName, key: string, hash: string, ctx: Context, result: ActionResult<unknown>) {
  // Only when the caller was loaded anyway: a citizen's action must not pay a round trip for it.
  const caller = ctx.loaded ? await ctx.caller() : null;
  try {
    await insertAudit({
      _id: key,
      actor: ctx.openid,
      actorUserId: caller?.user?._id ?? null,
      actorName: caller?.user?.name ?? null,
      // Staff read the log of their subtree: the unit touched, else the acting person's own.
      unitPath: ctx.unitPath ?? (caller?.user ? scopeUnitOf(caller.user).unitPath : null),
      action: name,
      target: ctx.changes?.target ?? '',
      before: ctx.changes?.before ?? null,
      after: ctx.changes?.after ?? null,
      at: ctx.now,
      result,
      inputHash: hash,
    });
    return result;
  } catch (err) {
    // A twin of this request finished first: answer what it answered.
    if (isDuplicateKey(err)) {
      const first = await findAudit(key);
      return first ? answerOfDone(first, hash) : result;
    }
    throw err;
  }
}

/** A concurrent retry may still be running: give it a moment to record its answer. */
async function waitForAudit(key: string, tries: number) {
  for (let i = 0; i < tries; i++) {
    const done = await findAudit(key);
    if (done) return done;
    if (i < tries - 1) await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

function isStateRace(err: unknown) {
  return err instanceof AppError && (err.code === 'INVALID_STATE' || err.code === 'CONFLICT');
}

export function requestKey(action: string, openid: string, requestId: string) {
  return createHash('sha1').update(`${action}|${openid}|${requestId}`).digest('hex');
}

function validationError(error: ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  return new AppError('VALIDATION', Object.values(fields)[0] ?? '填写的内容有误', fields);
}

const unknownCallerMessage = () =>
  isWebCaller() ? '电脑端登录已失效，请重新扫码登录' : '无法识别您的微信身份，请重新打开小程序';

function failure(err: unknown): ActionResult<never> {
  if (err instanceof AppError) return { ok: false, error: err.toJSON() };
  console.error('[internal]', err);
  return { ok: false, error: new AppError('INTERNAL').toJSON() };
}
