/**
 * China's public holidays and make-up working days for the console (roster grid, provisional
 * deadlines). chinese-days publishes its ES build under "type": "commonjs", which the client
 * bundler refuses to parse as a module; its UMD build loads as plain CommonJS.
 */
import days from 'chinese-days/dist/index.min.js';

export const getDayDetail: (typeof import('chinese-days'))['getDayDetail'] = days.getDayDetail;
export const getHolidaysInRange: (typeof import('chinese-days'))['getHolidaysInRange'] = days.getHolidaysInRange;
