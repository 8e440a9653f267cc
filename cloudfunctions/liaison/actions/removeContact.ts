import { defineAction } from '../../shared/action';
import { removeProfileItem } from '../domain/profile';

/** Removes a contact; records that named them keep the name they were logged with. */
export default defineAction({
  name: 'liaison.removeContact',
  roles: ['member'],
  mutates: true,
  // A retry is refused by the profile's own record of its changes (saveProfile).
  retrySafe: true,
  handler: ({ id }, ctx) => removeProfileItem(ctx, 'contacts', id),
});
