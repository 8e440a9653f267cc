/** Failures that converge (issue 18), for the admin console and quarter freezes: see faults/harness.ts. */
import { faultSuite } from './faults/harness';
import { ADMIN_SCENARIOS } from './faults/admin';

faultSuite(ADMIN_SCENARIOS);
