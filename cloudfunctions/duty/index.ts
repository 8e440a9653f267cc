import { createMain } from '../shared/router';
import createShift from './actions/createShift';
import planRotation from './actions/planRotation';
import updateShift from './actions/updateShift';
import cancelShift from './actions/cancelShift';
import listShifts from './actions/listShifts';
import stationMembers from './actions/stationMembers';
import myShifts from './actions/myShifts';
import signIn from './actions/signIn';
import signOut from './actions/signOut';
import requestLeave from './actions/requestLeave';
import answerSwap from './actions/answerSwap';
import decideLeave from './actions/decideLeave';
import listLeaves from './actions/listLeaves';
import myRequests from './actions/myRequests';
import recordReception from './actions/recordReception';
import listReceptions from './actions/listReceptions';
import board from './actions/board';
import stationDuty from './actions/stationDuty';
import stationCode from './actions/stationCode';
import { markAbsences } from './timers';

export const main = createMain(
  'duty',
  [
    createShift,
    planRotation,
    updateShift,
    cancelShift,
    listShifts,
    stationMembers,
    myShifts,
    signIn,
    signOut,
    requestLeave,
    answerSwap,
    decideLeave,
    listLeaves,
    myRequests,
    recordReception,
    listReceptions,
    board,
    stationDuty,
    stationCode,
  ],
  { markAbsences },
);
