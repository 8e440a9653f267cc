import { DEFAULT_RETENTION_YEARS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { retentionExceptions } from '../../shared/data/unitSettings';

/**
 * The retention the privacy page states, read from the units' settings so the page never names a
 * figure no unit applies: the default, and each unit whose admin set another. Open to anyone.
 */
export default defineAction({
  name: 'concern.retention',
  roles: ['citizen'],
  mutates: false,
  async handler() {
    return { years: DEFAULT_RETENTION_YEARS, units: await retentionExceptions() };
  },
});
