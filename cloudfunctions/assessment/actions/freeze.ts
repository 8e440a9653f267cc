import type { AssessmentResult, AssessmentSnapshot } from '@lxq/types';
import { defineAction } from '../../shared/action';
import {
  insertResults,
  insertSnapshot,
  removeResults,
  snapshotAsFound,
  snapshotId,
  updateSnapshotIfVersion,
} from '../../shared/data/assessmentSnapshots';
import { getUnit } from '../../shared/data/units';
import { invalidState, isDuplicateKey } from '../../shared/errors';
import { countMembers, scoreMembers, withCommittees } from '../domain/members';
import { askedPeriod, periodLabel } from '../domain/period';
import { weightsFor } from '../domain/weights';

/**
 * Freezes an ended quarter of the caller's subtree: the member lines as they stand now are stored
 * and answer every later look, whatever records arrive late. The snapshot's id is fixed by unit
 * and quarter, so two freezes at once store one (the second is told it is already frozen); a
 * reopened quarter is frozen again over the version that was read.
 */
export default defineAction({
  name: 'assessment.freeze',
  roles: ['staff', 'admin'],
  mutates: true,
  async handler(input, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const period = askedPeriod(input, ctx.now);
    if (!period.ended) throw invalidState(`${periodLabel(period)}尚未结束，结束后才能冻结`);
    const id = snapshotId(unit._id, period.year, input.quarter);
    // A retry of a freeze that died after storing it sees the quarter as that freeze found it.
    const { found: before, changed } = await snapshotAsFound(id);
    if (before?.status === 'frozen') throw invalidState(`${periodLabel(period)}已冻结`);

    const [user, weights, counted] = await Promise.all([
      ctx.user(),
      weightsFor(unit),
      countMembers(unit, period, ctx.now),
    ]);
    const members = await scoreMembers(counted, weights.member);
    await withCommittees(unit.path, members, new Map(counted.users.map((u) => [u._id, u])));
    const frozen = {
      status: 'frozen' as const,
      weights: weights.member,
      members,
      frozenAt: ctx.now,
      frozenBy: user._id,
      frozenByName: user.name,
    };
    if (changed) {
      // Stored by this request before it died: the results and the audit entry are still to do.
    } else if (before) {
      if (!(await updateSnapshotIfVersion(id, before.version, frozen, before))) {
        throw invalidState(`${periodLabel(period)}刚刚已被他人冻结或重新开放，请刷新后再看`);
      }
    } else {
      const doc: AssessmentSnapshot = {
        _id: id,
        unitId: unit._id,
        unitPath: unit.path,
        year: period.year,
        quarter: input.quarter,
        ...frozen,
        reopenedAt: null,
        reopenedByName: null,
        reopenReason: null,
        version: 1,
      };
      try {
        await insertSnapshot(doc);
      } catch (err) {
        if (isDuplicateKey(err)) throw invalidState(`${periodLabel(period)}刚刚已被他人冻结`);
        throw err;
      }
    }
    // Only the freeze that stored the snapshot gets here: it writes the members' results once.
    await removeResults(id);
    await insertResults(
      members.map((m): AssessmentResult => ({
        _id: `${id}_${m.userId}`,
        snapshotId: id,
        memberId: m.userId,
        unitId: unit._id,
        year: period.year,
        quarter: input.quarter,
        score: m.score,
        rule: m.rule,
        sectorName: m.sectorName,
        sectorRank: m.sectorRank,
        sectorSize: m.sectorSize,
      })),
    );
    ctx.audit(`assessment_snapshots/${id}`, before ? { status: before.status, version: before.version } : null, {
      status: 'frozen',
      members: members.length,
      weights: weights.member,
    });
    return { _id: id, members: members.length };
  },
});
