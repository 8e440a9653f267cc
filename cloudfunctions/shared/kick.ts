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
