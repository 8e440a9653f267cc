import { createMain } from '../shared/router';
import me from './actions/me';
import createInvitation from './actions/createInvitation';
import listInvitations from './actions/listInvitations';
import inspectInvitation from './actions/inspectInvitation';
import bindInvitation from './actions/bindInvitation';
import recordSubscriptions from './actions/recordSubscriptions';
import listInbox from './actions/listInbox';
import readInbox from './actions/readInbox';
import webLoginStart from './actions/webLoginStart';
import webLoginPoll from './actions/webLoginPoll';
import webLoginInspect from './actions/webLoginInspect';
import webLoginConfirm from './actions/webLoginConfirm';
import webLoginRefuse from './actions/webLoginRefuse';
import listSessions from './actions/listSessions';
import endSession from './actions/endSession';

export const main = createMain('account', [
  me,
  createInvitation,
  listInvitations,
  inspectInvitation,
  bindInvitation,
  recordSubscriptions,
  listInbox,
  readInbox,
  webLoginStart,
  webLoginPoll,
  webLoginInspect,
  webLoginConfirm,
  webLoginRefuse,
  listSessions,
  endSession,
]);
