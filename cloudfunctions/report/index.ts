import { createMain } from '../shared/router';
import sources from './actions/sources';
import create from './actions/create';
import save from './actions/save';
import submit from './actions/submit';
import decide from './actions/decide';
import instruct from './actions/instruct';
import get from './actions/get';
import listMine from './actions/listMine';
import list from './actions/list';
import figures from './actions/figures';
import exportReport from './actions/export';
import exportList from './actions/exportList';

export const main = createMain('report', [
  sources,
  create,
  save,
  submit,
  decide,
  instruct,
  get,
  listMine,
  list,
  figures,
  exportReport,
  exportList,
]);
