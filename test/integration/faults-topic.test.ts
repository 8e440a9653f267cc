/** Failures that converge (issue 18), for consultation topics' mutations: see faults/harness.ts. */
import { faultSuite } from './faults/harness';
import { TOPIC } from './faults/topic';

faultSuite(TOPIC);
