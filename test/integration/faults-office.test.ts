/** Failures that converge (issue 18), for 社情民意信息 and 提案 mutations: see faults/harness.ts. */
import { faultSuite } from './faults/harness';
import { OFFICE } from './faults/office';

faultSuite(OFFICE);
