import { createMain } from '../shared/router';
import submit from './actions/submit';
import listMine from './actions/listMine';
import listForStaff from './actions/listForStaff';
import exportQueue from './actions/exportQueue';
import get from './actions/get';
import accept from './actions/accept';
import reject from './actions/reject';
import markDuplicate from './actions/markDuplicate';
import duplicateCandidates from './actions/duplicateCandidates';
import assign from './actions/assign';
import assigneeOptions from './actions/assigneeOptions';
import addNote from './actions/addNote';
import close from './actions/close';
import link from './actions/link';
import figures from './actions/figures';
import listAssigned from './actions/listAssigned';
import start from './actions/start';
import reply from './actions/reply';
import rate from './actions/rate';
import reopen from './actions/reopen';
import withdraw from './actions/withdraw';
import retention from './actions/retention';
import getSettings from './actions/getSettings';
import saveSettings from './actions/saveSettings';
import removePhone from './actions/removePhone';
import subjectFind from './actions/subjectFind';
import subjectExport from './actions/subjectExport';
import subjectErase from './actions/subjectErase';
import { dailyReminder, weeklyDigest } from './timers';

export const main = createMain(
  'concern',
  [
    submit,
    listMine,
    listForStaff,
    exportQueue,
    get,
    accept,
    reject,
    markDuplicate,
    duplicateCandidates,
    assign,
    assigneeOptions,
    addNote,
    close,
    link,
    figures,
    listAssigned,
    start,
    reply,
    rate,
    reopen,
    withdraw,
    retention,
    getSettings,
    saveSettings,
    removePhone,
    subjectFind,
    subjectExport,
    subjectErase,
  ],
  { dailyReminder, dailyReminderResume: dailyReminder, weeklyDigest },
);
