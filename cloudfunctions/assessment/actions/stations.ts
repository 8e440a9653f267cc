import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { STATION_INDICATORS } from '../indicators';
import { periodOf } from '../../liaison/domain/period';
import { askedPeriod } from '../domain/period';
import { completeWeights } from '../domain/score';
import { rankStations } from '../domain/stations';
import { weightsFor } from '../domain/weights';

/** 工作站考核: the subtree's workstations ranked by the unit's station weights (default: the year so far). */
export default defineAction({
  name: 'assessment.stations',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const period = askedPeriod({ year: input.year ?? periodOf(ctx.now).year, quarter: input.quarter ?? null }, ctx.now);
    const weights = input.weights
      ? completeWeights(input.weights, STATION_INDICATORS)
      : (await weightsFor(unit)).station;
    return {
      year: period.year,
      quarter: period.quarter,
      indicators: STATION_INDICATORS,
      weights,
      items: await rankStations(unit, period, weights, ctx.now),
    };
  },
});
