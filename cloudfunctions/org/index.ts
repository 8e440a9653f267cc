import { createMain } from '../shared/router';
import listWorkstations from './actions/listWorkstations';
import getWorkstation from './actions/getWorkstation';
import listSectors from './actions/listSectors';
import listUnits from './actions/listUnits';

export const main = createMain('org', [listWorkstations, getWorkstation, listSectors, listUnits]);
