import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { MEMBER_INDICATORS } from '../indicators';
import { linesOf } from '../domain/lines';
import { grouped, MAX_MEMBERS } from '../domain/members';
import { askedPeriod } from '../domain/period';
import { completeWeights } from '../domain/score';
import { weightsFor } from '../domain/weights';
import { snapshotInfo } from '../domain/snapshot';

/**
 * 委员考核: every member of the caller's subtree with each indicator, the score under the unit's
 * weights (or the weights being tried, for the preview), grouped by sector or committee, best
 * first, with who falls short of a quota marked. A frozen quarter answers its snapshot.
 */
export default defineAction({
  name: 'assessment.members',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const period = askedPeriod(input, ctx.now);
    const weights = input.weights ? completeWeights(input.weights, MEMBER_INDICATORS) : (await weightsFor(unit)).member;
    const { lines, snapshot, hasCommittees, capped } = await linesOf(unit, period, weights, ctx.now, !!input.weights);
    const by = input.groupBy === 'committee' && hasCommittees ? 'committee' : 'sector';
    return {
      year: period.year,
      quarter: period.quarter,
      indicators: MEMBER_INDICATORS,
      weights: snapshot?.status === 'frozen' && !input.weights ? snapshot.weights : weights,
      snapshot: snapshotInfo(snapshot),
      freezable: period.quarter !== null && period.ended,
      groups: grouped(lines, by),
      total: lines.length,
      behindCount: lines.filter((l) => l.shortfalls.length > 0).length,
      freezing:
        snapshot?.status === 'freezing' && snapshot.progress
          ? { done: snapshot.progress.done, total: snapshot.progress.total }
          : null,
      cap: capped ? MAX_MEMBERS : null,
    };
  },
});
