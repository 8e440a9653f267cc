import { createMain } from '../shared/router';
import create from './actions/create';
import raiseFromConcerns from './actions/raiseFromConcerns';
import propose from './actions/propose';
import list from './actions/list';
import get from './actions/get';
import record from './actions/record';
import advance from './actions/advance';
import back from './actions/back';
import screen from './actions/screen';
import confirm from './actions/confirm';
import suggest from './actions/suggest';
import assign from './actions/assign';
import progress from './actions/progress';
import result from './actions/result';
import screeningLists from './actions/screeningLists';
import saveScreeningLists from './actions/saveScreeningLists';
import figures from './actions/figures';
import exportTopics from './actions/export';
import publicGet from './actions/publicGet';
import publicList from './actions/publicList';
import clusters from './actions/clusters';
import dismissCluster from './actions/dismissCluster';
import openCall from './actions/openCall';
import getCall from './actions/getCall';
import proposeToCall from './actions/proposeToCall';
import backProposal from './actions/backProposal';
import arrangeMeeting from './actions/arrangeMeeting';
import meetingCode from './actions/meetingCode';
import checkIn from './actions/checkIn';
import participants from './actions/participants';
import assignResearch from './actions/assignResearch';
import mine from './actions/mine';
import closeTask from './actions/closeTask';
import adoptProposal from './actions/adoptProposal';
import { dailyFollowUp } from './timers';

export const main = createMain(
  'topic',
  [
    create,
    raiseFromConcerns,
    propose,
    list,
    get,
    record,
    advance,
    back,
    screen,
    confirm,
    suggest,
    assign,
    progress,
    result,
    screeningLists,
    saveScreeningLists,
    figures,
    exportTopics,
    publicGet,
    publicList,
    clusters,
    dismissCluster,
    openCall,
    getCall,
    proposeToCall,
    backProposal,
    arrangeMeeting,
    meetingCode,
    checkIn,
    participants,
    assignResearch,
    mine,
    closeTask,
    adoptProposal,
  ],
  { dailyFollowUp },
);
