/**
 * The freeze worker, run by the minute timer and by the freeze's own kicks: resumes the freezes
 * whose chain stopped (their lease passed), within the run's budget, and kicks a successor when a
 * freeze has work left.
 */
import { stalledFreezes } from '../shared/data/assessmentSnapshots';
import { kickFreeze } from './domain/kick';
import { runFreeze, type RunResult } from './domain/freezeRun';

/** Well inside the function's 60 s timeout (config.json). */
const RUN_BUDGET_MS = 40_000;

export async function runFreezes() {
  const started = Date.now();
  let more = false;
  const results: RunResult[] = [];
  for (const snap of await stalledFreezes(new Date(), 5)) {
    const left = RUN_BUDGET_MS - (Date.now() - started);
    if (left < 10_000) {
      more = true;
      break;
    }
    try {
      const { result: r } = await runFreeze(snap._id, left);
      results.push(r);
      if (r === 'more') more = true;
    } catch (err) {
      // Its lease lapses and the next timer takes it again.
      console.error('[assessment] 冻结运行失败', snap._id, err);
    }
  }
  if (more) await kickFreeze();
  return { results };
}
