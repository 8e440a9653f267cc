import type { AssessmentSnapshot, Weights } from '@lxq/types';
import { defineAction } from '../../shared/action';
import {
  getSnapshot,
  insertSnapshot,
  snapshotId,
  updateSnapshotIfVersion,
} from '../../shared/data/assessmentSnapshots';
import { countMembers } from '../../shared/data/dashboard';
import { getUnit } from '../../shared/data/units';
import { requestMark } from '../../shared/resume';
import { alreadyChanged } from '../../shared/rewind';
import { invalidState, isDuplicateKey } from '../../shared/errors';
import { PER_RUN, runFreeze, startProgress } from '../domain/freezeRun';
import { kickFreeze } from '../domain/kick';
import { askedPeriod, periodLabel } from '../domain/period';
import { weightsFor } from '../domain/weights';

/** Longer than a run may take: a claim whose runs have not moved for this long belongs to a freeze that died. */
const CLAIM_LEASE_MS = 2 * 60_000;
/** What this call spends on the freeze's runs before it answers; the rest runs on in the worker. */
const CALL_BUDGET_MS = 5_000;

/**
 * Freezes an ended quarter of the caller's subtree: the member lines as they stand now are stored
 * and answer every later look, whatever records arrive late. The header's id is fixed by unit and
 * quarter, so two freezes at once claim it once (the second is told). The claim stores the
 * weights and the freeze's progress; then runs (freezeRun.ts) count the members `perRun` at a
 * time and write their pages, rank them in a last pass and mark the header frozen. A small
 * subtree is done within this call; a big one answers its progress and runs on in chained
 * worker runs, resumed by the minute timer when a run dies. Until frozen the quarter counts live.
 */
export default defineAction({
  name: 'assessment.freeze',
  roles: ['staff', 'admin'],
  mutates: true,
  async handler(input, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const period = askedPeriod(input, ctx.now);
    const label = periodLabel(period);
    if (!period.ended) throw invalidState(`${label}尚未结束，结束后才能冻结`);
    const id = snapshotId(unit._id, period.year, input.quarter);
    const audit = (from: AssessmentSnapshot['claimedFrom'], after: AssessmentSnapshot, w: Weights) =>
      ctx.audit(
        `assessment_snapshots/${id}`,
        from ?? null,
        after.status === 'frozen'
          ? { status: 'frozen', members: after.memberCount, pages: after.pages, weights: w }
          : { status: 'freezing', members: after.progress?.total ?? 0, weights: w },
      );
    const [before, user, weights] = await Promise.all([getSnapshot(id), ctx.user(), weightsFor(unit)]);
    // This very request claimed (or froze) the quarter before it died: finish and answer as the first call.
    const mine = !!before && alreadyChanged(before);
    if (before?.status === 'frozen') {
      if (!mine) throw invalidState(`${label}已冻结`);
      audit(before.claimedFrom ?? null, before, before.weights);
      return answer(before);
    }
    if (
      before?.status === 'freezing' &&
      !mine &&
      ctx.now.getTime() - new Date(before.claimedAt).getTime() < CLAIM_LEASE_MS
    ) {
      const p = before.progress;
      throw invalidState(`${label}正在冻结${p ? `（已冻结 ${p.done} / ${p.total} 名委员）` : ''}，请稍后刷新`);
    }

    const by = { frozenAt: ctx.now, frozenBy: user._id, frozenByName: user.name };
    // A new claim starts the runs over: pages of a stalled chain are written again, under the same ids.
    const fresh = async () => ({
      weights: weights.member,
      progress: startProgress(input.perRun ?? PER_RUN, await countMembers(unit._id, undefined)),
      lease: '',
      leaseUntil: ctx.now,
    });
    let version: number;
    let claimed: AssessmentSnapshot;
    if (before && mine) {
      claimed = before;
      version = before.version;
    } else if (before) {
      const claimedFrom = { status: before.status, version: before.version };
      const patch = { status: 'freezing' as const, claimedAt: ctx.now, claimedFrom, ...by, ...(await fresh()) };
      if (!(await updateSnapshotIfVersion(id, before.version, patch, before))) {
        throw invalidState(`${label}刚刚已被他人冻结或重新开放，请刷新后再看`);
      }
      claimed = { ...before, ...patch, version: before.version + 1 };
      version = before.version + 1;
    } else {
      claimed = {
        _id: id,
        unitId: unit._id,
        unitPath: unit.path,
        year: period.year,
        quarter: input.quarter,
        status: 'freezing',
        ...(await fresh()),
        pages: 0,
        memberCount: 0,
        claimedAt: ctx.now,
        claimedFrom: null,
        ...by,
        reopenedAt: null,
        reopenedByName: null,
        reopenReason: null,
        version: 1,
      };
      try {
        await insertSnapshot(claimed);
      } catch (err) {
        if (isDuplicateKey(err)) throw invalidState(`${label}刚刚已被他人冻结`);
        throw err;
      }
      version = 1;
    }

    // This request's own lease: retried, it takes back the run its first attempt held.
    const run = await runFreeze(id, CALL_BUDGET_MS, `req-${requestMark()}`, mine ? undefined : { snap: claimed, unit });
    if (run.result === 'more') await kickFreeze();
    // Busy: a run of this freeze holds it (this request's first attempt kicked it); answer how far it got.
    const after = run.snap ?? (await getSnapshot(id)) ?? claimed;
    if (after.version !== version && after.version !== version + 1) {
      throw invalidState(`${label}刚刚已被他人冻结或重新开放，请刷新后再看`);
    }
    audit(claimed.claimedFrom ?? null, after, claimed.weights);
    return answer(after);
  },
});

const answer = (s: AssessmentSnapshot) =>
  s.status === 'frozen'
    ? { _id: s._id, members: s.memberCount, done: s.memberCount, status: 'frozen' as const }
    : { _id: s._id, members: s.progress?.total ?? 0, done: s.progress?.done ?? 0, status: 'freezing' as const };
