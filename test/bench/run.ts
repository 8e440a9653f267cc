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

async function roundTrips(sys: System, fn: () => Promise<unknown>) {
  const before = sys.emulator.database.roundTrips;
  await fn();
  return sys.emulator.database.roundTrips - before;
}

async function main() {
  const rows: [string, string][] = [];
  await buildFunctions();
  const sys = await startSystem();
  const form = {
    workstationId: 'ws-huishi',
    category: '民生',
    title: '压测提交一条诉求',
    text: '这是一条用于测量数据库往返次数的诉求内容。',
    consent: true,
  } as const;
  await sys.as('o_warm').call('concern.submit', form); // warm the instance
  rows.push([
    'concern.submit: cloud calls / database round trips',
    `1 / ${await roundTrips(sys, () => sys.as('o_bench_submit').call('concern.submit', form))}`,
  ]);
  rows.push([
    'account.me (member): database round trips',
    String(await roundTrips(sys, () => sys.as(WHO.member).call('account.me', {}))),
  ]);
  rows.push([
    'concern.listMine: database round trips',
    String(await roundTrips(sys, () => sys.as(WHO.citizen).call('concern.listMine', {}))),
  ]);

  rows.push(...(await concernFigures(sys)));
  rows.push(...(await dutyFigures(sys)));
  rows.push(...(await noticeFigures(sys)));
  rows.push(...(await liaisonFigures(sys)));
  await sys.stop();

  console.log('\n| what | figure |\n|---|---|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
