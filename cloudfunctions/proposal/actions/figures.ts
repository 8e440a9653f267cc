import type { Proposal } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { proposalsOfSession, proposalsOfYear } from '../../shared/data/proposals';
import { listSectors } from '../../shared/data/sectors';
import { inChina } from '../../shared/time';
import { figuresOf } from '../domain/figures';

/** At most this many proposals are counted at once (a province has ~900 a session). */
const MAX = 5000;

/** The figures of the caller's scope, for one session or one year (this year by default). */
export default defineAction({
  name: 'proposal.figures',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler({ sessionId, year }, ctx) {
    const unitId = await ctx.scopeUnitId();
    const y = year ?? inChina(ctx.now).year();
    const all: Proposal[] = [];
    for (let skip = 0; skip < MAX; skip += 1000) {
      const chunk = sessionId
        ? await proposalsOfSession(unitId, sessionId, skip, 1000)
        : await proposalsOfYear(unitId, y, skip, 1000);
      all.push(...chunk);
      if (chunk.length < 1000) break;
    }
    return figuresOf(all, await listSectors(unitId), y);
  },
});
