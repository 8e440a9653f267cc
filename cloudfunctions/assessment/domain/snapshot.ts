import type { AssessmentSnapshot, SnapshotInfo } from '@lxq/types';
import { iso } from '../../shared/time';

export const snapshotInfo = (s: AssessmentSnapshot): SnapshotInfo => ({
  status: s.status,
  frozenAt: iso(s.frozenAt),
  frozenByName: s.frozenByName,
  reopenedAt: s.reopenedAt ? iso(s.reopenedAt) : null,
  reopenedByName: s.reopenedByName,
  reopenReason: s.reopenReason,
});
