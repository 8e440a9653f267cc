/** Every declared mutation is in the fault suite (faults-*.test.ts), or says why not yet. */
import { DECLARED } from './declared';
import { ADMIN_SCENARIOS } from './faults/admin';
import { CORE } from './faults/core';
import { DUTY_LIAISON_NOTICES_STATIONS } from './faults/core2';
import { NOT_YET } from './faults/notYet';
import { OFFICE } from './faults/office';
import { TOPIC } from './faults/topic';

const SCENARIOS = [...CORE, ...DUTY_LIAISON_NOTICES_STATIONS, ...TOPIC, ...OFFICE, ...ADMIN_SCENARIOS];

test('when a function declares a mutation, then the fault suite runs it or says why not yet', () => {
  const mutations = [...DECLARED.values()].filter((d) => d.mutates).map((d) => d.name as string);
  const covered = new Set<string>(SCENARIOS.map((s) => s.name));
  const missing = mutations.filter((m) => !covered.has(m) && !(m in NOT_YET));
  expect(missing).toEqual([]);
  expect(Object.keys(NOT_YET).filter((m) => covered.has(m) || !mutations.includes(m))).toEqual([]);
  console.log(
    `fault suite: ${covered.size} of ${mutations.length} mutations run (${Object.keys(NOT_YET).length} not yet)`,
  );
});
