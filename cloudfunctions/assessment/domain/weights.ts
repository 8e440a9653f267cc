import type { AssessmentSettings, OrgUnit, Weights } from '@lxq/types';
import { nearestSettings } from '../../shared/data/assessmentSettings';
import { MEMBER_INDICATORS, STATION_INDICATORS } from '../indicators';
import { completeWeights } from './score';

/** The weights that apply in a unit: its own, else the nearest ancestor's, else the indicators' defaults. */
export async function weightsFor(unit: OrgUnit): Promise<{
  member: Weights;
  station: Weights;
  from: 'own' | 'ancestor' | 'default';
  /** The unit's own settings, when it has them. */
  own: AssessmentSettings | null;
}> {
  const doc = await nearestSettings(unit.path);
  return {
    member: completeWeights(doc?.memberWeights, MEMBER_INDICATORS),
    station: completeWeights(doc?.stationWeights, STATION_INDICATORS),
    from: !doc ? 'default' : doc._id === unit._id ? 'own' : 'ancestor',
    own: doc?._id === unit._id ? doc : null,
  };
}
