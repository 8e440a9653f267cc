import { createMain } from '../shared/router';
import options from './actions/options';
import resolve from './actions/resolve';
import send from './actions/send';
import list from './actions/list';
import followUp from './actions/followUp';
import remind from './actions/remind';
import get from './actions/get';
import reply from './actions/reply';
import cancel from './actions/cancel';
import { runDelivery } from './timers';

export const main = createMain('notice', [options, resolve, send, list, followUp, remind, get, reply, cancel], {
  // Every minute, and whenever the function kicks itself: prepare due notices, work the queue.
  deliver: runDelivery,
});
