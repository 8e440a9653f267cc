import type { AssessmentSnapshot, SnapshotInfo } from '@lxq/types';
import { iso } from '../../shared/time';

/** A quarter still being frozen counts live and is shown as not frozen. */
export const snapshotInfo = (s: AssessmentSnapshot | null): SnapshotInfo | null =>
  !s || s.status === 'freezing'
    ? null
    : {
        status: s.status,
        frozenAt: iso(s.frozenAt),
        frozenByName: s.frozenByName,
        reopenedAt: s.reopenedAt ? iso(s.reopenedAt) : null,
        reopenedByName: s.reopenedByName,
        reopenReason: s.reopenReason,
      };
