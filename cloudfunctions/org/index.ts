import { createMain } from '../shared/router';
import listWorkstations from './actions/listWorkstations';
import getWorkstation from './actions/getWorkstation';
import listSectors from './actions/listSectors';
import listUnits from './actions/listUnits';
import createWorkstation from './actions/createWorkstation';
import updateWorkstation from './actions/updateWorkstation';
import workstationDetail from './actions/workstationDetail';
import workstationQr from './actions/workstationQr';
import nearWorkstations from './actions/nearWorkstations';
import unitMembers from './actions/unitMembers';
import calendar from './actions/calendar';
import checkCalendarYear from './actions/checkCalendarYear';
import saveCalendarYear from './actions/saveCalendarYear';
import dashboard from './actions/dashboard';
import { calendarDaily } from './timers';

export const main = createMain(
  'org',
  [
    listWorkstations,
    getWorkstation,
    listSectors,
    listUnits,
    createWorkstation,
    updateWorkstation,
    workstationDetail,
    workstationQr,
    nearWorkstations,
    unitMembers,
    calendar,
    checkCalendarYear,
    saveCalendarYear,
    dashboard,
  ],
  { calendarDaily },
);
