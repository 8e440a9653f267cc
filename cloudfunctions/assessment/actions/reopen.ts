import { defineAction } from '../../shared/action';
import {
  removePages,
  removeResults,
  snapshotAsFound,
  snapshotId,
  updateSnapshotIfVersion,
} from '../../shared/data/assessmentSnapshots';
import { invalidState } from '../../shared/errors';
import { periodLabel } from '../domain/period';

/**
 * An admin reopens a frozen quarter of their subtree, with the reason (audited): its figures are
 * counted live again until it is frozen anew, and the members' results and the frozen pages are
 * withdrawn meanwhile.
 */
export default defineAction({
  name: 'assessment.reopen',
  roles: ['admin'],
  mutates: true,
  async handler({ year, quarter, reason }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const id = snapshotId(unitId, year, quarter);
    // A retry of a reopen that died after it sees the quarter as that reopen found it.
    const { found: before, changed } = await snapshotAsFound(id);
    if (before?.status !== 'frozen') throw invalidState(`${periodLabel({ year, quarter })}未冻结，无需重新开放`);
    const user = await ctx.user();
    const patch = { status: 'reopened' as const, reopenedAt: ctx.now, reopenedByName: user.name, reopenReason: reason };
    if (!changed && !(await updateSnapshotIfVersion(id, before.version, patch, before))) {
      throw invalidState(`${periodLabel({ year, quarter })}刚刚已被他人改动，请刷新后再看`);
    }
    await Promise.all([removeResults(id), removePages(id)]);
    ctx.audit(
      `assessment_snapshots/${id}`,
      { status: 'frozen', frozenAt: before.frozenAt },
      { ...patch, status: 'reopened' },
    );
    return { _id: id };
  },
});
