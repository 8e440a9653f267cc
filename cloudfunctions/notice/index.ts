import { createMain } from '../shared/router';
import options from './actions/options';
import resolve from './actions/resolve';
import send from './actions/send';
import list from './actions/list';
import followUp from './actions/followUp';
import remind from './actions/remind';
import exportTable from './actions/export';
import get from './actions/get';
import reply from './actions/reply';
import cancel from './actions/cancel';
import { runDelivery } from './timers';

export const main = createMain(
  'notice',
  [options, resolve, send, list, followUp, remind, exportTable, get, reply, cancel],
  {
    // Every minute, and whenever the function kicks itself: prepare due notices, work the queue.
    deliver: runDelivery,
  },
);
