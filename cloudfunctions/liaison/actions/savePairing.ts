import { MAX_PAIRINGS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { saveProfileItem } from '../domain/profile';

/** Adds a pairing (结对帮扶) with a family or unit, or edits one (by id). */
export default defineAction({
  name: 'liaison.savePairing',
  roles: ['member'],
  mutates: true,
  // A retry is refused by the profile's own record of its changes (saveProfile).
  retrySafe: true,
  async handler({ id, ...fields }, ctx) {
    return saveProfileItem(ctx, 'pairings', id, fields, {
      max: MAX_PAIRINGS,
      full: `结对对象最多 ${MAX_PAIRINGS} 个`,
      missing: '结对对象不存在或已被删除',
    });
  },
});
