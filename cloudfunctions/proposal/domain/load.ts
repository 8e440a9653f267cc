import type { Proposal } from '@lxq/types';
import type { ActionContext } from '../../shared/action';
import { getProposal } from '../../shared/data/proposals';
import { notFound } from '../../shared/errors';
import { target } from '../../shared/target';

export const MISSING = '提案不存在或已删除';

async function proposalById({ id }: { id: string }): Promise<Proposal> {
  const p = await getProposal(id);
  if (!p) throw notFound(MISSING);
  return p;
}

const proposer = (p: Proposal) => ({ openid: p.proposerOpenid, userId: p.proposerId });
const cosigners = (p: Proposal) => p.cosigners.map((c) => ({ openid: c.openid, userId: c.userId }));
/** Drafts are the proposer's own: staff see a proposal once it is submitted. */
const unit = (p: Proposal) => (p.status === 'draft' ? ['—'] : p.unitPath);

/** The proposer's own: anyone else is told it does not exist. */
export const ownProposal = target({ load: proposalById, may: { submitter: proposer }, hidden: MISSING });

/** An invitation to co-sign: only those invited. */
export const cosignedProposal = target({ load: proposalById, may: { partner: cosigners }, hidden: MISSING });

/** Whoever may read it: its proposer, its co-signers, staff in scope once submitted. */
export const visibleProposal = target({
  load: proposalById,
  may: { submitter: proposer, partner: cosigners, staffInScope: unit },
  hidden: MISSING,
});

/** A staff action: staff whose unit holds the submitted proposal. */
export const staffProposal = target({ load: proposalById, may: { staffInScope: unit } });

/** Who acts, as the timeline shows them. */
export async function actor(ctx: ActionContext) {
  const user = await ctx.user();
  return { openid: ctx.openid, name: user.name };
}
