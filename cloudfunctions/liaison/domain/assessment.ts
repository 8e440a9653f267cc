import type { AssessmentResult, ScorecardAssessment } from '@lxq/types';

/**
 * The 成绩单's line from 履职考核: the member's result in the chosen quarter once it is frozen,
 * from the freeze of the unit nearest them (their county's before the city's).
 */
export function assessmentOf(
  results: AssessmentResult[],
  unitPath: string[],
  quarter: number,
): ScorecardAssessment | null {
  const depth = (r: AssessmentResult) => unitPath.indexOf(r.unitId);
  const mine = results.filter((r) => r.quarter === quarter && depth(r) >= 0).sort((a, b) => depth(b) - depth(a))[0];
  if (!mine) return null;
  const { year, score, rule, sectorName, sectorRank, sectorSize } = mine;
  return { year, quarter, score, rule, sectorName, sectorRank, sectorSize };
}
