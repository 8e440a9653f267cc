import { MAX_CONTACTS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { saveProfileItem } from '../domain/profile';

/** Adds a sector contact, or edits one (by id). */
export default defineAction({
  name: 'liaison.saveContact',
  roles: ['member'],
  mutates: true,
  // A retry is refused by the profile's own record of its changes (saveProfile).
  retrySafe: true,
  async handler({ id, ...fields }, ctx) {
    return saveProfileItem(ctx, 'contacts', id, fields, {
      max: MAX_CONTACTS,
      full: `联系人最多 ${MAX_CONTACTS} 位，请先删除不再联系的`,
      missing: '联系人不存在或已被删除',
    });
  },
});
