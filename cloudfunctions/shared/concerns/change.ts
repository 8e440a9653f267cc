/**
 * The one way a concern's status (or anything else about it) changes after submission: the state
 * machine says whether the action is allowed, a conditional update applies it only while the
 * concern is still in that status (so concurrent changes cannot both pass), the timeline gets the
 * event, and the concern's bucket gets the counter delta in the same action. With `tell`, the
 * submitter hears of it: the "有新进展" flag rides in the same update, and the subscribe message
 * goes once it applied. Costs 2 database round trips (the update, the counter), and a third when
 * a concern stored before concerns kept their limits is reopened (its bucket has them).
 */
import type { Concern, ConcernAction, ConcernEvent, ConcernStatus, QuarterFigures } from '@lxq/types';
import { bucketId, quarterDelta, statusDelta } from './counters';
import { deadlineIn, next, refusal } from './stateMachine';
import { replyDue } from './deadlines';
import { pushToSubmitter } from './tell';
import { bump, getBucket } from '../data/concernCounters';
import { changeWhere, getConcern, type ConcernChange } from '../data/concerns';
import { AppError, invalidState, notFound } from '../errors';
import { requestMark } from '../resume';

export interface ChangeRequest {
  /** The concern as the caller loaded it; the change applies only if it is still in that status. */
  concern: Concern;
  action: ConcernAction;
  by: { openid: string; name: string };
  now: Date;
  /** Shown in the timeline (a reason, a reply's first words …). */
  note?: string;
  /** Further conditions the concern must meet (the caller is its submitter, its assignee …). */
  where?: Record<string, unknown>;
  /** Why it was refused when the status allowed it but `where` did not match. */
  otherwise?: () => AppError;
  set?: Record<string, unknown>;
  push?: ConcernChange['push'];
  inc?: Record<string, number>;
  /** Quarter figures this change adds (answered, on time, ratings). */
  figures?: Partial<QuarterFigures>;
  /** Internal changes (notes) stay out of the timeline the submitter reads. */
  silent?: boolean;
  /** Tell the submitter (flag + subscribe message); `note` says what happened, in the push. */
  tell?: { note?: string };
}

export interface ChangeResult {
  before: ConcernStatus;
  after: Concern;
}

export async function changeConcern(r: ChangeRequest): Promise<ChangeResult> {
  const c = r.concern;
  const mark = requestMark();
  // This request already made the change before it died: finish what came after (resume.ts).
  // Checked on every run, since a change that keeps the status (a reassignment, a note) would
  // otherwise simply apply again.
  if (mark && c.lastChange?.mark === mark) {
    const { from: was, delta, before } = c.lastChange;
    await bump(bucketId(c.workstationId, c.unitId), Object.fromEntries(delta));
    const after = { ...c };
    // The caller's copy goes back to what it was before the change, so its audit entry says so.
    Object.assign(c, Object.fromEntries(before ?? []), { status: was });
    return { before: was, after };
  }
  const from = c.status;
  const to = next(from, r.action);
  if (!to) throw invalidState(refusal(from, r.action));
  const event: ConcernEvent = {
    at: r.now,
    by: r.by.openid,
    byName: r.by.name,
    action: r.action,
    ...(r.note ? { note: r.note } : {}),
  };
  const delta = { ...statusDelta(from, to), ...(r.figures ? quarterDelta(r.now, r.figures, c) : {}) };
  const set: Record<string, unknown> = {
    ...(await deadlineChange(c, from, to, r.now)),
    status: to,
    updatedAt: r.now,
    ...(r.tell && c.submitterOpenid ? { submitterUnread: true } : {}),
    ...(r.set ?? {}),
    // Counter paths have dots: kept as pairs, not as field names.
    ...(mark ? { lastChange: { mark, from, delta: Object.entries(delta), before: previous(c, r.set) } } : {}),
  };
  const push = { ...(r.push ?? {}), ...(r.silent ? {} : { timeline: [event] }) };
  const applied = await changeWhere(c._id, { status: from, ...(r.where ?? {}) }, { set, push, inc: r.inc });
  if (!applied) throw await whyNot(r);
  await bump(bucketId(c.workstationId, c.unitId), delta);
  const after = applyLocally(c, set, push, r.inc);
  if (r.tell) await pushToSubmitter(after, r.tell.note ?? '', r.now);
  return { before: from, after };
}

/** What the fields a change sets held before it (null for none), as pairs. */
function previous(c: Concern, set: Record<string, unknown> | undefined): [string, unknown][] {
  return Object.keys(set ?? {})
    .filter((k) => !k.includes('.'))
    .map((k) => [k, (c as unknown as Record<string, unknown>)[k] ?? null]);
}

/** The concern as the change left it, without reading it back. */
function applyLocally(
  c: Concern,
  set: Record<string, unknown>,
  push: NonNullable<ConcernChange['push']>,
  inc: Record<string, number> | undefined,
): Concern {
  const after = { ...c, ...set } as Concern & Record<string, unknown>;
  for (const [field, items] of Object.entries(push)) {
    if (items?.length)
      after[field] = [...(((c as unknown as Record<string, unknown[]>)[field] as unknown[]) ?? []), ...items];
  }
  for (const [field, n] of Object.entries(inc ?? {})) after[field] = (Number(after[field]) || 0) + n;
  return after;
}

/** The deadline that runs in the new status: the reply window once in hand, none once answered. */
async function deadlineChange(c: Concern, from: ConcernStatus, to: ConcernStatus, now: Date) {
  const was = deadlineIn(from);
  const will = deadlineIn(to);
  if (was === will && !(from !== to && will === 'reply' && (from === 'replied' || from === 'closed'))) return {};
  if (will === null) return { dueAt: null };
  if (will === 'reply') {
    // Reopened: a fresh reply window of the unit's length, from now. Otherwise the one fixed at
    // submission. Concerns stored before they kept their limits read them from their bucket.
    if (from === 'replied' || from === 'closed') {
      const limits = c.limits ?? (await getBucket(bucketId(c.workstationId, c.unitId)))?.limits;
      const due = replyDue(now, limits);
      return { dueAt: due, replyDueAt: due };
    }
    return { dueAt: c.replyDueAt ?? replyDue(c.createdAt) };
  }
  return {};
}

async function whyNot(r: ChangeRequest): Promise<AppError> {
  const now = await getConcern(r.concern._id);
  if (!now) return notFound('诉求不存在或已删除');
  // Someone else's concern: say no more than that it is not theirs to change.
  const notTheirs = Object.entries(r.where ?? {}).some(
    ([k, v]) => typeof v === 'string' && (now as unknown as Record<string, unknown>)[k] !== v,
  );
  if (notTheirs) return r.otherwise?.() ?? notFound('诉求不存在或已删除');
  if (!next(now.status, r.action)) return invalidState(refusal(now.status, r.action));
  return r.otherwise?.() ?? invalidState('该诉求刚被他人处理过，请刷新后再试');
}
