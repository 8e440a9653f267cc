import type { Proposal } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { insertProposal } from '../../shared/data/proposals';
import { checkText, speaksFor } from '../domain/draft';
import { unreviewed } from '../domain/unreviewed';

/**
 * A member starts a draft. The session is named now and checked when it is submitted (the window
 * may open later); the draft is the proposer's alone until then. 3–4 round trips.
 */
export default defineAction({
  name: 'proposal.create',
  roles: ['member'],
  mutates: true,
  retrySafe: true,
  async handler(input, ctx) {
    const user = await ctx.user();
    await checkText(ctx.openid, input.title, input.body);
    const proposal: Proposal = {
      _id: ctx.newId('proposal'),
      sessionId: input.sessionId,
      sessionName: '',
      unitId: user.unitId,
      unitPath: user.unitPath,
      kind: input.kind,
      title: input.title,
      body: input.body,
      proposerId: user._id,
      proposerOpenid: ctx.openid,
      proposerName: user.name,
      ...(await speaksFor(user, input.kind, input)),
      cosigners: [],
      cosignerOpenids: [],
      sources: [],
      status: 'draft',
      submittedAt: null,
      year: null,
      ...unreviewed(),
      events: [{ at: ctx.now, by: ctx.openid, byName: user.name, action: '起草' }],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await insertProposal(proposal);
    ctx.audit(`proposals/${proposal._id}`, null, { title: proposal.title, kind: proposal.kind });
    return { _id: proposal._id };
  },
});
