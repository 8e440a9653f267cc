import { defineAction } from '../../shared/action';
import { removeProfileItem } from '../domain/profile';

/** Ends a pairing; its records stay, under the name they were logged with. */
export default defineAction({
  name: 'liaison.removePairing',
  roles: ['member'],
  mutates: true,
  // A retry is refused by the profile's own record of its changes (saveProfile).
  retrySafe: true,
  handler: ({ id }, ctx) => removeProfileItem(ctx, 'pairings', id),
});
