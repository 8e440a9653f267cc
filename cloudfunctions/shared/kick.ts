/**
 * Starts a function's background work now instead of at its next timer tick: the function calls
 * itself (or another) with a timer-shaped event, so the very job the timer runs starts at once.
 * A kick is only a head start: if one is lost, the next tick takes the work up anyway.
 */
import { cloud } from './cloud';

/** Long enough for the calls to leave; the runs themselves go on for up to their budget. */
const GRACE_MS = 300;

interface CallFunction {
  callFunction(p: { name: string; data: object }): Promise<unknown>;
}

/** `n` runs of `name`'s timer `trigger`; `what` names the work in the log if a call cannot start. */
export async function kickTimer(name: string, trigger: string, what: string, n = 1): Promise<void> {
  if (n <= 0) return;
  const calls = Array.from({ length: n }, () =>
    (cloud as unknown as CallFunction)
      .callFunction({ name, data: { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() } })
      // The SDK stops waiting long before a run ends (its own request timeout); the run goes on.
      .catch((err: { errMsg?: string }) => {
        if (!/timeout/i.test(err?.errMsg ?? '')) console.error(`[${name}] 启动${what}失败`, err);
      }),
  );
  await Promise.race([Promise.all(calls), new Promise((r) => setTimeout(r, GRACE_MS))]);
}

/** Below this much of its budget, a run leaves the next item to the successor it kicks. */
const MIN_LEFT_MS = 10_000;

/**
 * One timer run of a chained worker (the export job, the freeze): works the items nobody holds, one
 * after another within `budgetMs`, and kicks a successor when one has work left or time ran out
 * before the rest. `run` answers null for an item that failed (its lease lapses; a later run
 * takes it again).
 */
export async function workChained<T, R extends string>(
  items: T[],
  budgetMs: number,
  run: (item: T, leftMs: number) => Promise<R | null>,
  kick: () => Promise<void>,
): Promise<{ results: R[] }> {
  const started = Date.now();
  let more = false;
  const results: R[] = [];
  for (const item of items) {
    const left = budgetMs - (Date.now() - started);
    if (left < MIN_LEFT_MS) {
      more = true;
      break;
    }
    const r = await run(item, left);
    if (r === null) continue;
    results.push(r);
    if (r === 'more') more = true;
  }
  if (more) await kick();
  return { results };
}
