import { createMain } from '../shared/router';
import orgTree from './actions/orgTree';
import createUnit from './actions/createUnit';
import renameUnit from './actions/renameUnit';
import moveUnit from './actions/moveUnit';
import retireUnit from './actions/retireUnit';
import orgDetail from './actions/orgDetail';
import saveSector from './actions/saveSector';
import saveCommittee from './actions/saveCommittee';
import linkWorkstation from './actions/linkWorkstation';
import saveUnitLists from './actions/saveUnitLists';
import listAccounts from './actions/listAccounts';
import updateAccount from './actions/updateAccount';
import revokeAccount from './actions/revokeAccount';
import resendInvitation from './actions/resendInvitation';
import termPreview from './actions/termPreview';
import endTerm from './actions/endTerm';
import importTemplate from './actions/importTemplate';
import importPreview from './actions/importPreview';
import importCommit from './actions/importCommit';
import auditLog from './actions/auditLog';
import { runRepathWork } from './timers';

/** The admin console (issue 17): the organisation, accounts, 换届, bulk import and the audit log. */
export const main = createMain(
  'admin',
  [
    orgTree,
    createUnit,
    renameUnit,
    moveUnit,
    retireUnit,
    orgDetail,
    saveSector,
    saveCommittee,
    linkWorkstation,
    saveUnitLists,
    listAccounts,
    updateAccount,
    revokeAccount,
    resendInvitation,
    termPreview,
    endTerm,
    importTemplate,
    importPreview,
    importCommit,
    auditLog,
  ],
  // Every minute, and whenever a run kicks its successor: the records of a moved unit re-pathed.
  { repathWork: runRepathWork },
);
