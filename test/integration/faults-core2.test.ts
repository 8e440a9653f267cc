/**
 * Failures that converge (issue 18), for duty, liaison, notices and stations: see
 * faults/harness.ts. Beside faults-core.test.ts so the two halves run in parallel.
 */
import { DUTY_LIAISON_NOTICES_STATIONS } from './faults/core2';
import { faultSuite } from './faults/harness';

faultSuite(DUTY_LIAISON_NOTICES_STATIONS);
