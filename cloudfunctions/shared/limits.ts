/**
 * Limits on abuse, declared with an action (`limit` in defineAction) and enforced by the router
 * before the handler runs, with a Chinese answer that says when to try again.
 *
 * Two tiers. Every limited action is counted in the instance's memory, per caller: no database
 * round trip, so a citizen's submission stays within its budget; it stops bursts (an instance
 * serves a caller's calls one after another, and the platform runs at most a few instances).
 * Actions declared `durable` are also counted from the audit log over the longest window (one
 * read on the actor index): limits that must hold across instances and restarts, for actions with
 * round trips to spare (staff sending notices, creating invitations).
 *
 * A citizen's action has no round trip to spare (4 at most): it counts durably through a read it
 * makes anyway. `readCounting` reads the document it needs by id and, in the same database request,
 * the caller's recent audit entries ($lookup on the audit log's actor index). A member's sign-in
 * attempts are kept on the shift the sign-in reads anyway (duty.signIn).
 */
import { $, _, db } from './cloud';
import { AppError } from './errors';
import { requestMark } from './resume';
import { inChina } from './time';

export interface LimitWindow {
  /** Window length in seconds. */
  seconds: number;
  max: number;
}

export interface ActionLimit {
  windows: LimitWindow[];
  /** Also count from the audit log (survives instances): for actions with round trips to spare. */
  durable?: boolean;
  /** Count every attempt, refused ones too (guessing a code); otherwise only calls that succeed. */
  attempts?: boolean;
}

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

/** Calls per caller and action in this instance (when, and under which request key). */
const seen = new Map<string, { at: number; key: string }[]>();
const MAX_CALLERS = 20_000;

/**
 * Refuses a call over its action's limit; answers how to count the call once it succeeded (or
 * counts it now, for `attempts`). A retry of a request already counted (the same request key) is
 * not counted again, so it still gets its first answer.
 */
export async function checkLimit(
  action: string,
  openid: string,
  requestKey: string,
  limit: ActionLimit | undefined,
  now: Date,
): Promise<() => void> {
  const none = () => undefined;
  if (!limit) return none;
  const longest = Math.max(...limit.windows.map((w) => w.seconds)) * 1000;
  const id = `${action}|${openid}`;
  const calls = (seen.get(id) ?? []).filter((c) => c.at > now.getTime() - longest);
  if (requestKey && calls.some((c) => c.key === requestKey)) return none;
  refuseOver(
    limit.windows,
    calls.map((c) => c.at),
    now,
  );
  if (limit.durable) refuseOver(limit.windows, await auditedTimes(action, openid, requestKey, now, longest), now);
  const count = () => {
    const latest = (seen.get(id) ?? []).filter((c) => c.at > now.getTime() - longest);
    if (requestKey && latest.some((c) => c.key === requestKey)) return;
    seen.delete(id);
    seen.set(id, [...latest, { at: now.getTime(), key: requestKey }]);
    // Oldest callers go first when the map grows (a Map keeps insertion order).
    if (seen.size > MAX_CALLERS) seen.delete(seen.keys().next().value as string);
  };
  if (!limit.attempts) return count;
  count();
  return none;
}

export function refuseOver(windows: LimitWindow[], times: number[], now: Date) {
  for (const w of windows) {
    const since = now.getTime() - w.seconds * 1000;
    const inWindow = times.filter((t) => t > since).sort((a, b) => a - b);
    if (inWindow.length >= w.max) {
      // Free again when the oldest call in the window leaves it.
      const freeAt = new Date(inWindow[inWindow.length - w.max] + w.seconds * 1000);
      throw new AppError('RATE_LIMITED', `操作太频繁，${whenAgain(freeAt, now)}再试`);
    }
  }
}

function whenAgain(at: Date, now: Date): string {
  const minutes = Math.ceil((at.getTime() - now.getTime()) / 60_000);
  if (minutes <= 1) return '请 1 分钟后';
  if (minutes <= 60) return `请 ${minutes} 分钟后`;
  const when = inChina(at);
  const sameDay = when.format('YYYY-MM-DD') === inChina(now).format('YYYY-MM-DD');
  return `请在${sameDay ? '今天' : '明天'} ${when.format('HH:mm')} 以后`;
}

async function auditedTimes(action: string, openid: string, requestKey: string, now: Date, longest: number) {
  const { data } = await db
    .collection('audit')
    .where({ actor: openid, at: _.gte(new Date(now.getTime() - longest)) })
    .field({ _id: true, action: true, at: true })
    .limit(1000)
    .get();
  return (data as { _id: string; action: string; at: Date }[])
    .filter((e) => e.action === action && e._id !== requestKey && (requestKey || !isMine(e._id)))
    .map((e) => new Date(e.at).getTime());
}

/** Who is counted for which action, under which limit: what a durable count inside a handler needs. */
export interface DurableCount {
  action: string;
  openid: string;
  limit: ActionLimit;
  now: Date;
}

/**
 * The document `id` of `collection` and the caller's recent calls of the action, in one database
 * request; RATE_LIMITED when they reach a window's limit. The call being retried (its own audit
 * entry) is not counted. null when there is no such document (nothing was counted then: see
 * refuseOverAudited).
 */
export async function readCounting<T>(collection: string, id: string, count: DurableCount): Promise<T | null> {
  const since = new Date(count.now.getTime() - longestOf(count.limit) * 1000);
  const { list } = await db
    .collection(collection)
    .aggregate()
    .match({ _id: id })
    .addFields({ recentCaller: $.literal(count.openid) })
    .lookup({ from: 'audit', localField: 'recentCaller', foreignField: 'actor', as: 'recentCalls' })
    // Only the times of this action's calls in the window come back, not whole audit entries.
    .addFields({
      recentCalls: $.map({
        input: $.filter({
          input: '$recentCalls',
          as: 'e',
          cond: $.and([$.eq(['$$e.action', count.action]), $.gte(['$$e.at', since])]),
        }),
        as: 'e',
        in: { _id: '$$e._id', at: '$$e.at' },
      }),
    })
    .limit(1)
    .end();
  const found = list[0] as (T & { recentCaller?: string; recentCalls?: { _id: string; at: Date }[] }) | undefined;
  if (!found) return null;
  const { recentCaller: _caller, recentCalls = [], ...doc } = found;
  refuseOver(count.limit.windows, timesOf(recentCalls), count.now);
  return doc as T;
}

/** The same count by its own read, where the action read no document to carry it (a rarer path). */
export async function refuseOverAudited(count: DurableCount): Promise<void> {
  const times = await auditedTimes(count.action, count.openid, '', count.now, longestOf(count.limit) * 1000);
  refuseOver(count.limit.windows, times, count.now);
}

const longestOf = (limit: ActionLimit) => Math.max(...limit.windows.map((w) => w.seconds));

/** Whether an audit entry is the current request's own (a retry is not counted against itself). */
function isMine(id: string) {
  const mine = requestMark();
  return !!mine && id.slice(0, mine.length) === mine;
}

function timesOf(calls: { _id: string; at: Date }[]): number[] {
  return calls.filter((c) => !isMine(c._id)).map((c) => new Date(c.at).getTime());
}
