import type { Proposal } from '@lxq/types';
import { notifyMany, type Notification } from '../../shared/notify';

export const PROPOSAL_PAGE = '/member/proposal/detail';

/** The proposer (and confirmed co-signers when `all`) hear what happened, in their inbox. */
export async function tellProposer(p: Proposal, key: string, title: string, body: string, now: Date, all = false) {
  const people = [
    p.proposerOpenid,
    ...(all ? p.cosigners.filter((c) => c.status === 'confirmed' && c.openid).map((c) => c.openid!) : []),
  ];
  const ns: Notification[] = people.map((openid) => ({
    id: `${key}:${p._id}:${openid}`.slice(0, 120),
    openid,
    kind: 'proposal',
    title,
    body,
    page: `${PROPOSAL_PAGE}?id=${p._id}`,
    refId: p._id,
  }));
  if (ns.length) await notifyMany(ns, now);
}

/** People of handling units hear of a proposal given to them, or overdue. */
export async function tellHandlers(
  openids: string[],
  p: Proposal,
  key: string,
  title: string,
  body: string,
  now: Date,
) {
  const ns: Notification[] = [...new Set(openids)].map((openid) => ({
    id: `${key}:${p._id}:${openid}`.slice(0, 120),
    openid,
    kind: 'proposal',
    title,
    body,
    page: `/staff/proposal/handle?id=${p._id}`,
    refId: p._id,
  }));
  if (ns.length) await notifyMany(ns, now);
}
