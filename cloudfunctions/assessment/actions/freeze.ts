import type { AssessmentSnapshot, Weights } from '@lxq/types';
import { defineAction } from '../../shared/action';
import {
  getSnapshot,
  insertSnapshot,
  removeResults,
  snapshotId,
  updateSnapshotIfVersion,
  writePages,
  writeResults,
} from '../../shared/data/assessmentSnapshots';
import { getUnit } from '../../shared/data/units';
import { alreadyChanged } from '../../shared/rewind';
import { invalidState, isDuplicateKey } from '../../shared/errors';
import { countMembers, scoreMembers, withCommittees } from '../domain/members';
import { askedPeriod, periodLabel } from '../domain/period';
import { resultsOf } from '../domain/snapshot';
import { weightsFor } from '../domain/weights';

/** Longer than a function may run: a claim older than this belongs to a freeze that died. */
const CLAIM_LEASE_MS = 2 * 60_000;

/**
 * Freezes an ended quarter of the caller's subtree: the member lines as they stand now are stored
 * and answer every later look, whatever records arrive late. The header's id is fixed by unit and
 * quarter, so two freezes at once claim it once (the second is told). The claimant writes the
 * lines as pages and the members' results under fixed ids, then marks the header frozen with the
 * page count: a freeze cut off midway leaves the quarter counting live, and the next freeze
 * (after the claim's lease) writes the same documents again and finishes.
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
    const audit = (from: AssessmentSnapshot['claimedFrom'], members: number, pages: number, w: Weights) =>
      ctx.audit(`assessment_snapshots/${id}`, from ?? null, { status: 'frozen', members, pages, weights: w });
    const [before, user, weights] = await Promise.all([getSnapshot(id), ctx.user(), weightsFor(unit)]);
    // This very request claimed (or froze) the quarter before it died: finish and answer as the first call.
    const mine = !!before && alreadyChanged(before);
    if (before?.status === 'frozen') {
      if (!mine) throw invalidState(`${label}已冻结`);
      audit(before.claimedFrom ?? null, before.memberCount, before.pages, before.weights);
      return { _id: id, members: before.memberCount };
    }
    if (
      before?.status === 'freezing' &&
      !mine &&
      ctx.now.getTime() - new Date(before.claimedAt).getTime() < CLAIM_LEASE_MS
    ) {
      throw invalidState(`${label}正在冻结，请稍后刷新`);
    }

    const by = { frozenAt: ctx.now, frozenBy: user._id, frozenByName: user.name };
    let version: number;
    let claimed: AssessmentSnapshot;
    if (before && mine) {
      claimed = before;
      version = before.version;
    } else if (before) {
      const claimedFrom = { status: before.status, version: before.version };
      const patch = { status: 'freezing' as const, claimedAt: ctx.now, claimedFrom, ...by };
      if (!(await updateSnapshotIfVersion(id, before.version, patch, before))) {
        throw invalidState(`${label}刚刚已被他人冻结或重新开放，请刷新后再看`);
      }
      claimed = { ...before, ...patch };
      version = before.version + 1;
    } else {
      claimed = {
        _id: id,
        unitId: unit._id,
        unitPath: unit.path,
        year: period.year,
        quarter: input.quarter,
        status: 'freezing',
        weights: weights.member,
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

    const counted = await countMembers(unit, period, ctx.now);
    const members = await scoreMembers(counted, weights.member);
    await withCommittees(unit.path, members, new Map(counted.users.map((u) => [u._id, u])));
    await removeResults(id);
    const [pages] = await Promise.all([
      writePages(id, members),
      writeResults(resultsOf(id, unit._id, { year: period.year, quarter: input.quarter }, members)),
    ]);
    const done = { status: 'frozen' as const, weights: weights.member, pages, memberCount: members.length };
    if (!(await updateSnapshotIfVersion(id, version, done, claimed))) {
      throw invalidState(`${label}刚刚已被他人冻结或重新开放，请刷新后再看`);
    }
    audit(claimed.claimedFrom ?? null, members.length, pages, weights.member);
    return { _id: id, members: members.length };
  },
});
