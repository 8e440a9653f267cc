/**
 * Starts the next re-pathing run now: the admin function calls itself with its timer's event (as
 * the export job does). A lost kick costs only time: the minute timer takes up every move not ended.
 */
import { cloud } from '../../shared/cloud';

const GRACE_MS = 300;

export async function kickRepath(): Promise<void> {
  const call = (cloud as unknown as CallFunction)
    .callFunction({
      name: 'admin',
      data: { Type: 'Timer', TriggerName: 'repathWork', Time: new Date().toISOString() },
    })
    // The SDK stops waiting long before the run ends; the run goes on.
    .catch((err: { errMsg?: string }) => {
      if (!/timeout/i.test(err?.errMsg ?? '')) console.error('[admin] 启动迁移失败', err);
    });
  await Promise.race([call, new Promise((r) => setTimeout(r, GRACE_MS))]);
}

interface CallFunction {
  callFunction(p: { name: string; data: object }): Promise<unknown>;
}
