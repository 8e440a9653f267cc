import type { MemberAssessment, OrgUnit, User, Weights } from '@lxq/types';
import { getSnapshot, readPages, snapshotId } from '../../shared/data/assessmentSnapshots';
import { MEMBER_INDICATORS } from '../indicators';
import { countMembers, membersOf, scoreMembers, withCommittees } from './members';
import type { AskedPeriod } from './period';
import { ranks, scoreOf } from './score';

/**
 * The member lines of a period: a frozen quarter's from its snapshot (re-scored when other
 * weights are tried), any other period counted live.
 */
export async function linesOf(unit: OrgUnit, period: AskedPeriod, weights: Weights, now: Date, rescore: boolean) {
  const snapshot =
    period.quarter === null ? null : await getSnapshot(snapshotId(unit._id, period.year, period.quarter));
  if (snapshot?.status === 'frozen') {
    const frozen = await readPages(snapshot._id, snapshot.pages);
    const lines = rescore ? rescored(frozen, weights) : frozen;
    return { lines, snapshot, hasCommittees: lines.some((l) => l.committeeNames.length > 0), capped: false };
  }
  const { users, capped } = await membersOf(unit._id);
  const counted = await countMembers(unit, period, now, users);
  const lines = await scoreMembers(counted, weights);
  const hasCommittees = await withCommittees(
    unit.path,
    lines,
    new Map<string, User>(counted.users.map((u) => [u._id, u])),
  );
  return { lines, snapshot, hasCommittees, capped };
}

function rescored(frozen: MemberAssessment[], weights: Weights): MemberAssessment[] {
  const lines = frozen.map((l) => ({ ...l, ...scoreOf(l.figures, weights, MEMBER_INDICATORS) }));
  const bySector = new Map<string, MemberAssessment[]>();
  for (const l of lines) bySector.set(l.sectorName, [...(bySector.get(l.sectorName) ?? []), l]);
  for (const group of bySector.values()) {
    const r = ranks(group);
    for (const l of group) l.sectorRank = r.get(l)!;
  }
  return lines;
}
