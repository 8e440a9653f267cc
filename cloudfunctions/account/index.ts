import { createMain } from '../shared/router';
import me from './actions/me';
import createInvitation from './actions/createInvitation';
import listInvitations from './actions/listInvitations';
import inspectInvitation from './actions/inspectInvitation';
import bindInvitation from './actions/bindInvitation';
import recordSubscriptions from './actions/recordSubscriptions';
import listInbox from './actions/listInbox';
import readInbox from './actions/readInbox';

export const main = createMain('account', [
  me,
  createInvitation,
  listInvitations,
  inspectInvitation,
  bindInvitation,
  recordSubscriptions,
  listInbox,
  readInbox,
]);
