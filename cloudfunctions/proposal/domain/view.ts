import type { Proposal, ProposalRow, ProposalView } from '@lxq/types';
import { iso } from '../../shared/time';

export function toRow(p: Proposal, openid?: string): ProposalRow {
  const mine = openid ? p.cosigners.find((c) => c.openid === openid) : undefined;
  return {
    _id: p._id,
    title: p.title,
    kind: p.kind,
    status: p.status,
    sessionName: p.sessionName,
    proposerName: p.proposerName,
    sectorName: p.sectorName,
    key: p.key,
    confirmedCosigners: p.cosigners.filter((c) => c.status === 'confirmed').length,
    dueOn: p.dueOn,
    submittedAt: p.submittedAt ? iso(p.submittedAt) : null,
    updatedAt: iso(p.updatedAt),
    ...(mine ? { cosignStatus: mine.status } : {}),
  };
}

/**
 * The proposal as the caller may see it. Proposers and co-signers never see internal notes
 * (pre-review opinions, staff notes) nor the handling units' extension talk; handlers see their
 * own unit's part only.
 */
export function toView(p: Proposal, as: ProposalView['as'], handlingUnitId?: string): ProposalView {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept from every caller
  const { proposerOpenid, createdAt, updatedAt, submittedAt, answeredAt, ...rest } = p;
  const inside = as === 'staff';
  delete rest.lastMark;
  return {
    ...rest,
    cosigners: rest.cosigners.map((c) => ({ ...c, openid: null })),
    events: inside ? rest.events : rest.events.filter((e) => !e.internal),
    preReviews: inside ? rest.preReviews : [],
    assignments:
      as === 'handler'
        ? rest.assignments.filter((a) => a.handlingUnitId === handlingUnitId)
        : inside
          ? rest.assignments
          : rest.assignments.map((a) => ({ ...a, extension: null, returnReason: null })),
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
    submittedAt: submittedAt ? iso(submittedAt) : null,
    answeredAt: answeredAt ? iso(answeredAt) : null,
    as,
  };
}
