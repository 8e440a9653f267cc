/** Failures that converge (issue 18), for the first domains' mutations: see faults/harness.ts. */
import { CORE } from './faults/core';
import { faultSuite } from './faults/harness';

faultSuite(CORE);
