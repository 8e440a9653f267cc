import { createMain } from '../shared/router';
import submit from './actions/submit';
import listMine from './actions/listMine';
import listForStaff from './actions/listForStaff';

export const main = createMain('concern', [submit, listMine, listForStaff]);
