import { defineAction } from '../../shared/action';
import {
  getSnapshot,
  removePages,
  removeResults,
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
    const before = await getSnapshot(id);
    if (before?.status !== 'frozen') throw invalidState(`${periodLabel({ year, quarter })}未冻结，无需重新开放`);
    const user = await ctx.user();
    const patch = { status: 'reopened' as const, reopenedAt: ctx.now, reopenedByName: user.name, reopenReason: reason };
    if (!(await updateSnapshotIfVersion(id, before.version, patch))) {
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
