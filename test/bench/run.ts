/**
 * `npm run bench`: figures measured in one run, printed as a table for the README. Database round
 * trips are counted by the emulator (one per SDK request); times are compared as ratios inside
 * this run, never against fixed numbers.
 */
import { buildFunctions } from '../../scripts/build-functions';
import { startSystem, WHO, type System } from '../integration/system';
import { dutyFigures } from './duty';
import { concernFigures } from './concern';
import { noticeFigures } from './notice';
import { liaisonFigures } from './liaison';
import { dashboardFigures } from './dashboard';

async function roundTrips(sys: System, fn: () => Promise<unknown>) {
  const before = sys.emulator.database.roundTrips;
  await fn();
  return sys.emulator.database.roundTrips - before;
}

async function main() {
  const rows: [string, string][] = [];
  await buildFunctions();
  const sys = await startSystem();
  rows.push([
    'account.me (member): database round trips',
    String(await roundTrips(sys, () => sys.as(WHO.member).call('account.me', {}))),
  ]);

  rows.push(...(await concernFigures(sys)));
  rows.push(...(await dutyFigures(sys)));
  rows.push(...(await noticeFigures(sys)));
  rows.push(...(await liaisonFigures(sys)));
  rows.push(...(await dashboardFigures(sys)));
  await sys.stop();

  console.log('\n| what | figure |\n|---|---|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
