import { createMain } from '../shared/router';
import exportList from './actions/export';
import exportStations from './actions/exportStations';
import freeze from './actions/freeze';
import members from './actions/members';
import reopen from './actions/reopen';
import saveSettings from './actions/saveSettings';
import settings from './actions/settings';
import stations from './actions/stations';
import { runFreezes } from './timers';

export const main = createMain(
  'assessment',
  [members, settings, saveSettings, freeze, reopen, exportList, stations, exportStations],
  {
    // Every minute, and whenever a freeze's run kicks its successor: resume the freezes nobody holds.
    freezeWork: runFreezes,
  },
);
