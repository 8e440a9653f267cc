/**
 * The daily reminder of overdue concerns (issue 18) with thousands of them: the database groups
 * them by handler, each handler is reminded once with their count, a run that stops at its time
 * budget leaves the rest to the next run that day, and a repeated run sends nothing twice.
 */
import { inChina } from '../../cloudfunctions/shared/time';
import { startSystem, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const HANDLERS = 150;
const CONCERNS = 3000;

test('when 3,000 concerns of 150 members are overdue, then each member is reminded once with their count, and again-runs send nothing', async () => {
  const past = new Date(Date.now() - 3 * 86_400_000);
  const docs = Array.from({ length: CONCERNS }, (_, i) => ({
    _id: `overdue-${i}`,
    status: i % 2 ? 'assigned' : 'in_progress',
    assigneeOpenid: `o_rem_${i % HANDLERS}`,
    title: `超期诉求 ${i}`,
    unitId: 'u-huining',
    unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
    dueAt: past,
    createdAt: past,
  }));
  for (let i = 0; i < docs.length; i += 500) await sys.db.collection('concerns').add({ data: docs.slice(i, i + 500) });

  const outbox = sys.emulator.outbox().length;
  const first = (await sys.emulator.fireTimer('concern', 'dailyReminder')) as {
    ok: true;
    data: { overdue: number; handlers: number; reminded: number; pending: number };
  };
  expect(first.ok).toBe(true);
  expect(first.data.overdue).toBeGreaterThanOrEqual(CONCERNS);
  // Whatever the first run left (its time budget), the resume runs of the day finish.
  let reminded = first.data.reminded;
  for (let run = 0; run < 5 && reminded < first.data.handlers; run++) {
    const next = (await sys.emulator.fireTimer('concern', 'dailyReminderResume')) as { data: { reminded: number } };
    reminded += next.data.reminded;
  }
  expect(reminded).toBe(first.data.handlers);

  const day = inChina(new Date()).format('YYYYMMDD');
  const { data: item } = await sys.db.collection('inbox').doc(`remind-${day}-o_rem_7`).get();
  expect(item.title).toBe(`您有 ${CONCERNS / HANDLERS} 条群众诉求已超过办理时限`);
  const sent = sys.emulator.outbox().length;

  const again = (await sys.emulator.fireTimer('concern', 'dailyReminderResume')) as { data: { reminded: number } };
  expect(again.data.reminded).toBe(0);
  expect(sys.emulator.outbox().length).toBe(sent);
  console.log(
    `reminder: ${first.data.handlers} handlers, ${first.data.reminded} in the first run, ${sent - outbox} pushes`,
  );
}, 120_000);
