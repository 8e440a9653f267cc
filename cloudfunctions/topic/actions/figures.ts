import { defineAction } from '../../shared/action';
import { topicsInPeriod } from '../../shared/data/topics';
import { figuresOf } from '../domain/figures';
import { participationsOf } from '../domain/participations';
import { periodOf } from '../domain/period';

/** Seed 001's figures for the caller's subtree over a period (this year by default). */
export default defineAction({
  name: 'topic.figures',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    const p = periodOf(input, ctx.now);
    const unitId = await ctx.scopeUnitId();
    const [topics, participations] = await Promise.all([
      topicsInPeriod(unitId, p.start, p.end),
      participationsOf(unitId, p.start, p.end),
    ]);
    return figuresOf(topics, p.from, p.to, participations);
  },
});
