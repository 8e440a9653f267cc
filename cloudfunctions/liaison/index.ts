import { createMain } from '../shared/router';
import log from './actions/log';
import mine from './actions/mine';
import formOptions from './actions/formOptions';
import saveContact from './actions/saveContact';
import removeContact from './actions/removeContact';
import saveBase from './actions/saveBase';
import savePairing from './actions/savePairing';
import removePairing from './actions/removePairing';
import scorecard from './actions/scorecard';
import grid from './actions/grid';
import remind from './actions/remind';
import list from './actions/list';
import exportRecords from './actions/export';
import dossier from './actions/dossier';
import memberDossier from './actions/memberDossier';
import progress from './actions/progress';
import getQuota from './actions/getQuota';
import saveQuota from './actions/saveQuota';
import gridGroups from './actions/gridGroups';
import gridOptions from './actions/gridOptions';
import gridAdd from './actions/gridAdd';
import gridRemove from './actions/gridRemove';
import { quarterEndReminder } from './timers';

export const main = createMain(
  'liaison',
  [
    log,
    mine,
    formOptions,
    saveContact,
    removeContact,
    saveBase,
    savePairing,
    removePairing,
    scorecard,
    grid,
    remind,
    list,
    exportRecords,
    dossier,
    memberDossier,
    progress,
    getQuota,
    saveQuota,
    gridGroups,
    gridOptions,
    gridAdd,
    gridRemove,
  ],
  { quarterEndReminder },
);
