import { defineAction } from '../../shared/action';
import { wordsLike } from '../../shared/data/listing';
import { pageProposals } from '../../shared/data/proposals';
import { toRow } from '../domain/view';

/** Staff's table of submitted proposals in their subtree, by session, kind and state. */
export default defineAction({
  name: 'proposal.list',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ page, pageSize, sessionId, kind, status, q, sort }, ctx) {
    const where = {
      ...(sessionId ? { sessionId } : {}),
      ...(kind ? { kind } : {}),
      ...(status ? { status } : {}),
      ...(q ? { title: wordsLike(q) } : {}),
    };
    const found = await pageProposals(await ctx.scopeUnitId(), where, sort, page, pageSize);
    return { items: found.items.map((p) => toRow(p)), total: found.total, page, pageSize };
  },
});
