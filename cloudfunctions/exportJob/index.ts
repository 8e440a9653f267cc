import { createMain } from '../shared/router';
import start from './actions/start';
import status from './actions/status';
import { runExports } from './timers';

export const main = createMain('exportJob', [start, status], {
  // Every minute, and whenever a run kicks its successor: work the jobs nobody holds.
  exportWork: runExports,
});
