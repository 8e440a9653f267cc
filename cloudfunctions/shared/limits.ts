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
 */
import { _, db } from './cloud';
import { AppError } from './errors';
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

function refuseOver(windows: LimitWindow[], times: number[], now: Date) {
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
    .filter((e) => e.action === action && e._id !== requestKey)
    .map((e) => new Date(e.at).getTime());
}
