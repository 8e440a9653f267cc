import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { MEMBER_INDICATORS, STATION_INDICATORS } from '../indicators';
import { weightsFor } from '../domain/weights';

/** The weights that apply in the caller's unit, with every registered indicator they weigh. */
export default defineAction({
  name: 'assessment.settings',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const unit = await getUnit(await ctx.scopeUnitId());
    const w = await weightsFor(unit);
    return {
      memberIndicators: MEMBER_INDICATORS,
      stationIndicators: STATION_INDICATORS,
      memberWeights: w.member,
      stationWeights: w.station,
      from: w.from,
    };
  },
});
