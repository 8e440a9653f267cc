/** Failures that converge (issue 18), for concerns and accounts: see faults/harness.ts. */
import { CONCERNS_AND_ACCOUNTS } from './faults/core';
import { faultSuite } from './faults/harness';

faultSuite(CONCERNS_AND_ACCOUNTS);
