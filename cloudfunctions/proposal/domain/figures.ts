import {
  PROPOSAL_KIND_LABELS,
  type Proposal,
  type ProposalFigureRow,
  type ProposalFigures,
  type Sector,
} from '@lxq/types';

import {
  countByMember,
  FILED_STATES as FILED,
  SUBMITTED_STATES as SUBMITTED,
} from '../../shared/proposals/memberCounts';

const rate = (filed: number, submitted: number) => (submitted ? Math.round((filed / submitted) * 1000) / 10 : 0);

function groupRows(list: Proposal[], keyOf: (p: Proposal) => string | null): ProposalFigureRow[] {
  const rows = new Map<string, ProposalFigureRow>();
  for (const p of list) {
    const label = keyOf(p);
    if (!label) continue;
    const row = rows.get(label) ?? { label, submitted: 0, filed: 0, rate: 0 };
    row.submitted++;
    if (FILED.has(p.status)) row.filed++;
    rows.set(label, row);
  }
  return [...rows.values()].map((r) => ({ ...r, rate: rate(r.filed, r.submitted) }));
}

/**
 * The figures of seed 003 over a set of proposals: submitted, filed and 立案率 by kind, sector
 * and session; merged; key; answered and on time; satisfaction; per member (for the assessment);
 * and the sectors that have not yet sent their sector proposal this year (seed 000: 1–2 each).
 */
export function figuresOf(all: Proposal[], sectors: Sector[], year: number): ProposalFigures {
  const list = all.filter((p) => SUBMITTED.has(p.status));
  const filed = list.filter((p) => FILED.has(p.status)).length;
  const ratings = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const p of list) {
    const last = p.ratings.at(-1);
    if (last) ratings[last.rating]++;
  }
  const sectorCount = new Map<string, number>();
  for (const p of list) {
    if (p.kind === 'sector' && p.sectorId && p.year === year)
      sectorCount.set(p.sectorId, (sectorCount.get(p.sectorId) ?? 0) + 1);
  }
  return {
    submitted: list.length,
    filed,
    rate: rate(filed, list.length),
    merged: list.filter((p) => p.status === 'merged').length,
    key: list.filter((p) => p.key).length,
    answered: list.filter((p) => p.answeredAt).length,
    answeredOnTime: list.filter((p) => p.answeredAt && p.answeredOnTime).length,
    ratings,
    byKind: groupRows(list, (p) => PROPOSAL_KIND_LABELS[p.kind]),
    bySector: groupRows(list, (p) => p.sectorName),
    bySession: groupRows(list, (p) => p.sessionName),
    sectorsWithout: sectors
      .filter((s) => (sectorCount.get(s._id) ?? 0) < 1)
      .map((s) => ({ _id: s._id, name: s.name, count: sectorCount.get(s._id) ?? 0 })),
    byMember: countByMember(list),
  };
}
