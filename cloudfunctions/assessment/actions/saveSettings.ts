import type { IndicatorInfo, Weights } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { saveSettings } from '../../shared/data/assessmentSettings';
import { getUnit } from '../../shared/data/units';
import { invalid } from '../../shared/errors';
import { MEMBER_INDICATORS, STATION_INDICATORS } from '../indicators';
import { completeWeights } from '../domain/score';
import { weightsFor } from '../domain/weights';

function known(given: Weights, indicators: IndicatorInfo[], field: string) {
  const unknown = Object.keys(given).find((k) => !indicators.some((i) => i.key === k));
  if (unknown) throw invalid({ [field]: `没有名为 ${unknown} 的考核指标` });
}

/**
 * The unit's own weights, for its subtree (a sub-unit without its own uses them): a frozen
 * quarter keeps the weights it was frozen with. Saving the same weights again stores the same.
 */
export default defineAction({
  name: 'assessment.saveSettings',
  roles: ['staff', 'admin'],
  mutates: true,
  async handler({ memberWeights, stationWeights }, ctx) {
    known(memberWeights, MEMBER_INDICATORS, 'memberWeights');
    known(stationWeights, STATION_INDICATORS, 'stationWeights');
    const unit = await getUnit(await ctx.scopeUnitId());
    const [before, user] = await Promise.all([weightsFor(unit), ctx.user()]);
    const doc = {
      _id: unit._id,
      unitId: unit._id,
      unitPath: unit.path,
      memberWeights: completeWeights(memberWeights, MEMBER_INDICATORS),
      stationWeights: completeWeights(stationWeights, STATION_INDICATORS),
      updatedBy: user._id,
      updatedAt: ctx.now,
    };
    await saveSettings(doc, before.own);
    ctx.audit(
      `assessment_settings/${unit._id}`,
      { memberWeights: before.member, stationWeights: before.station, from: before.from },
      { memberWeights: doc.memberWeights, stationWeights: doc.stationWeights },
    );
    return { ok: true as const };
  },
});
