/**
 * 履职考核 demo (白银市): the city's own weights, and the quarter before last frozen as a clerk
 * would have frozen it a few days after it ended — scores, sector ranks and every member's
 * result for the 成绩单 — while last quarter waits to be frozen and the current one runs live.
 * The freeze is the function's own counting and storage (the same domain code), so the demo's
 * figures are what the records say.
 */
import type { AssessmentSnapshot, Weights } from '@lxq/types';

export const ASSESSMENT_DEMO = { unitId: 'u-baiyin', frozenBy: 'user-staff-city', frozenByName: '王晓梅' };

/** The city's tuning of the defaults: liaison and duty weigh more, an absence costs more. */
const TUNED: Weights = { 'liaison.activities': 3, 'duty.attended': 4, 'duty.absent': -6, 'report.adopted': 3 };

/** The China quarter `back` quarters before now's. */
export function quarterBefore(now: Date, back: number): { year: number; quarter: number } {
  const d = new Date(now.getTime() + 8 * 3_600_000);
  const index = d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3) - back;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** Answers how many documents it stored. */
export async function seedAssessment(now: Date): Promise<number> {
  // Loaded here, not at the top: the functions' modules bind the SDK, which seed() sets up first.
  const { getUnit } = await import('../../cloudfunctions/shared/data/units');
  const { saveSettings } = await import('../../cloudfunctions/shared/data/assessmentSettings');
  const data = await import('../../cloudfunctions/shared/data/assessmentSnapshots');
  const { MEMBER_INDICATORS, STATION_INDICATORS } = await import('../../cloudfunctions/assessment/indicators');
  const { completeWeights } = await import('../../cloudfunctions/assessment/domain/score');
  const { countMembers, scoreMembers, withCommittees } = await import('../../cloudfunctions/assessment/domain/members');
  const { askedPeriod } = await import('../../cloudfunctions/assessment/domain/period');
  const { resultsOf } = await import('../../cloudfunctions/assessment/domain/snapshot');
  const { tallied } = await import('../../cloudfunctions/assessment/domain/freezeRun');

  const unit = await getUnit(ASSESSMENT_DEMO.unitId);
  const memberWeights = completeWeights(TUNED, MEMBER_INDICATORS);
  await saveSettings(
    {
      _id: unit._id,
      unitId: unit._id,
      unitPath: unit.path,
      memberWeights,
      stationWeights: completeWeights(undefined, STATION_INDICATORS),
      updatedBy: ASSESSMENT_DEMO.frozenBy,
      updatedAt: new Date(now.getTime() - 120 * 86_400_000),
    },
    null,
  );

  const asked = quarterBefore(now, 2);
  const period = askedPeriod(asked, now);
  const frozenAt = new Date(period.end.getTime() + 5 * 86_400_000 + 2 * 3_600_000);
  const counted = await countMembers(unit, period, frozenAt);
  const members = await scoreMembers(counted, memberWeights);
  await withCommittees(unit.path, members, new Map(counted.users.map((u) => [u._id, u])));
  const id = data.snapshotId(unit._id, asked.year, asked.quarter);
  const [pages] = await Promise.all([
    data.writePages(id, members),
    data.writeResults(resultsOf(id, unit._id, asked, members)),
  ]);
  const header: AssessmentSnapshot = {
    _id: id,
    unitId: unit._id,
    unitPath: unit.path,
    ...asked,
    status: 'frozen',
    weights: memberWeights,
    pages,
    memberCount: members.length,
    scores: tallied([], members),
    claimedAt: frozenAt,
    frozenAt,
    frozenBy: ASSESSMENT_DEMO.frozenBy,
    frozenByName: ASSESSMENT_DEMO.frozenByName,
    reopenedAt: null,
    reopenedByName: null,
    reopenReason: null,
    version: 2,
  };
  await data.insertSnapshot(header);
  return 1 + pages + members.length + 1;
}
