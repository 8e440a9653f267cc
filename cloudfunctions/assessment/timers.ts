/**
 * The freeze worker, run by the minute timer and by the freeze's own kicks: resumes the freezes
 * whose chain stopped (their lease passed), within the run's budget, and kicks a successor when a
 * freeze has work left (shared/kick.ts).
 */
import { stalledFreezes } from '../shared/data/assessmentSnapshots';
import { workChained } from '../shared/kick';
import { kickFreeze } from './domain/kick';
import { runFreeze } from './domain/freezeRun';

/** Well inside the function's 60 s timeout (config.json). */
const RUN_BUDGET_MS = 40_000;

export async function runFreezes() {
  const freezes = await stalledFreezes(new Date(), 5);
  return workChained(
    freezes,
    RUN_BUDGET_MS,
    async (snap, left) => {
      try {
        return (await runFreeze(snap._id, left)).result;
      } catch (err) {
        // Its lease lapses and the next timer takes it again.
        console.error('[assessment] 冻结运行失败', snap._id, err);
        return null;
      }
    },
    kickFreeze,
  );
}
