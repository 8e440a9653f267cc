/**
 * Function-to-function calls that start more delivery workers: the notice function calls itself
 * with a timer-shaped event, so the same job that the minute timer runs starts now. A kick is
 * only a head start; if one is lost, the next timer tick works the queue anyway.
 */
import { cloud } from '../../../shared/cloud';

/** Long enough for the calls to leave; the workers themselves run on for up to their budget. */
const GRACE_MS = 300;

export async function startWorkers(n: number): Promise<void> {
  if (n <= 0) return;
  const calls = Array.from({ length: n }, () =>
    (cloud as unknown as CallFunction)
      .callFunction({ name: 'notice', data: { Type: 'Timer', TriggerName: 'deliver', Time: new Date().toISOString() } })
      // The SDK stops waiting long before a worker ends (its own request timeout); the worker runs on.
      .catch((err: { errMsg?: string }) => {
        if (!/timeout/i.test(err?.errMsg ?? '')) console.error('[notice] 启动投递失败', err);
      }),
  );
  await Promise.race([Promise.all(calls), new Promise((r) => setTimeout(r, GRACE_MS))]);
}

interface CallFunction {
  callFunction(p: { name: string; data: object }): Promise<unknown>;
}
