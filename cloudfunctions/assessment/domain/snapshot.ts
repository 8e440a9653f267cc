import type { AssessmentResult, AssessmentSnapshot, MemberAssessment, SnapshotInfo } from '@lxq/types';
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

/**
 * Each member's result of a freeze, for their 成绩单, under a fixed id of snapshot and member; with
 * the whole line, so the staff list reads one page of lines by sector and score (lines.ts).
 */
export const resultsOf = (
  id: string,
  unitId: string,
  period: { year: number; quarter: number },
  members: MemberAssessment[],
): AssessmentResult[] =>
  members.map((m) => ({
    _id: `${id}_${m.userId}`,
    snapshotId: id,
    memberId: m.userId,
    unitId,
    year: period.year,
    quarter: period.quarter,
    score: m.score,
    rule: m.rule,
    sectorName: m.sectorName,
    sectorRank: m.sectorRank,
    sectorSize: m.sectorSize,
    behind: m.shortfalls.length > 0,
    line: m,
  }));
