import { createMain } from '../shared/router';
import sessions from './actions/sessions';
import createSession from './actions/createSession';
import formOptions from './actions/formOptions';
import create from './actions/create';
import update from './actions/update';
import setCosigners from './actions/setCosigners';
import cosignerOptions from './actions/cosignerOptions';
import link from './actions/link';
import sourceOptions from './actions/sourceOptions';
import cosign from './actions/cosign';
import submit from './actions/submit';
import mine from './actions/mine';
import get from './actions/get';
import list from './actions/list';
import preReview from './actions/preReview';
import review from './actions/review';
import setKey from './actions/setKey';
import assign from './actions/assign';
import decideExtension from './actions/decideExtension';
import rate from './actions/rate';
import handlingUnits from './actions/handlingUnits';
import saveHandlingUnit from './actions/saveHandlingUnit';
import assigned from './actions/assigned';
import getAssigned from './actions/getAssigned';
import acknowledge from './actions/acknowledge';
import returnAssignment from './actions/return';
import requestExtension from './actions/requestExtension';
import answer from './actions/answer';
import figures from './actions/figures';
import exportTable from './actions/export';
import exportDoc from './actions/exportDoc';
import { dailySupervision } from './timers';

export const main = createMain(
  'proposal',
  [
    sessions,
    createSession,
    formOptions,
    create,
    update,
    setCosigners,
    cosignerOptions,
    link,
    sourceOptions,
    cosign,
    submit,
    mine,
    get,
    list,
    preReview,
    review,
    setKey,
    assign,
    decideExtension,
    rate,
    handlingUnits,
    saveHandlingUnit,
    assigned,
    getAssigned,
    acknowledge,
    returnAssignment,
    requestExtension,
    answer,
    figures,
    exportTable,
    exportDoc,
  ],
  { dailySupervision },
);
