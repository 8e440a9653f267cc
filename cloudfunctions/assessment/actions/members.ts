import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { MEMBER_INDICATORS } from '../indicators';
import { frozenWindow, linesOf, snapshotOf, windowOf, type Window } from '../domain/lines';
import { grouped, MAX_MEMBERS } from '../domain/members';
import { askedPeriod } from '../domain/period';
import { completeWeights } from '../domain/score';
import { weightsFor } from '../domain/weights';
import { snapshotInfo } from '../domain/snapshot';

/**
 * 委员考核: every member of the caller's subtree with each indicator, the score under the unit's
 * weights (or the weights being tried, for the preview), grouped by sector or committee, best
 * first, with who falls short of a quota marked. A frozen quarter answers its snapshot: asked for
 * one page by sector, it reads only the lines of that page (lines.ts frozenWindow), whatever the
 * number of members; by committee or under other weights, every line.
 */
export default defineAction({
  name: 'assessment.members',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const period = askedPeriod(input, ctx.now);
    const [snapshot, unitWeights] = await Promise.all([snapshotOf(unit, period), weightsFor(unit)]);
    const weights = input.weights ? completeWeights(input.weights, MEMBER_INDICATORS) : unitWeights.member;
    const frozen = snapshot?.status === 'frozen';
    const filter = { sector: input.sector, short: input.short };
    const windowed = input.page !== undefined || !!input.sector || !!input.short;
    const from = input.page === undefined ? 0 : (input.page - 1) * input.pageSize;
    const to = input.page === undefined ? Infinity : from + input.pageSize;

    let view: Window | null = null;
    let capped = false;
    if (windowed && frozen && !input.weights && input.groupBy === 'sector') {
      view = await frozenWindow(snapshot, filter, from, to);
    }
    if (!view) {
      const all = await linesOf(unit, period, weights, ctx.now, !!input.weights, { snapshot });
      capped = all.capped;
      const by = input.groupBy === 'committee' && all.hasCommittees ? 'committee' : 'sector';
      view = windowed
        ? windowOf(all.lines, by, filter, from, to)
        : {
            groups: grouped(all.lines, by),
            total: all.lines.length,
            behindCount: all.lines.filter((l) => l.shortfalls.length > 0).length,
          };
    }
    return {
      year: period.year,
      quarter: period.quarter,
      indicators: MEMBER_INDICATORS,
      weights: frozen && !input.weights ? snapshot.weights : weights,
      snapshot: snapshotInfo(snapshot),
      freezable: period.quarter !== null && period.ended,
      ...view,
      freezing:
        snapshot?.status === 'freezing' && snapshot.progress
          ? { done: snapshot.progress.done, total: snapshot.progress.total }
          : null,
      cap: capped ? MAX_MEMBERS : null,
    };
  },
});
