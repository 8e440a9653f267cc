/**
 * The retention the privacy page states is a per-unit setting (issue 21): an admin sets it with
 * the unit's time limits, and concern.retention, open to anyone, answers the default and each unit
 * that differs, so the page never names a figure no unit applies.
 */
import { DEFAULT_RETENTION_YEARS } from '@lxq/types';
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

test('when no unit has set its own, then the page is told the default for everyone', async () => {
  expect(await sys.as('o_ret_citizen').ok('concern.retention', {})).toEqual({
    years: DEFAULT_RETENTION_YEARS,
    units: [],
  });
});

test('when an admin sets the retention, then it is stored, audited, and the page names that unit', async () => {
  const admin = sys.as(WHO.admin);
  const limits = await admin.ok('concern.getSettings', {});
  expect(limits.retentionYears).toBe(DEFAULT_RETENTION_YEARS);
  const saved = await admin.ok('concern.saveSettings', {
    acceptWorkingDays: limits.acceptWorkingDays,
    replyDays: limits.replyDays,
    retentionYears: 5,
  });
  expect(saved.retentionYears).toBe(5);
  expect(await admin.ok('concern.getSettings', {})).toMatchObject({ retentionYears: 5 });
  const audit = await sys.db
    .collection('audit')
    .where({ target: `unit_settings/${limits.unitId}` })
    .get();
  expect(audit.data.at(-1)).toMatchObject({ before: { retentionYears: 3 }, after: { retentionYears: 5 } });

  const answer = await sys.as('o_ret_citizen').ok('concern.retention', {});
  expect(answer).toEqual({ years: DEFAULT_RETENTION_YEARS, units: [{ unitName: limits.unitName, years: 5 }] });

  // Saving the limits again without the field keeps the retention as it was.
  await admin.ok('concern.saveSettings', { acceptWorkingDays: limits.acceptWorkingDays, replyDays: limits.replyDays });
  expect((await admin.ok('concern.getSettings', {})).retentionYears).toBe(5);
});

test('when the figure is out of range, then the admin gets a Chinese message and nothing changes', async () => {
  const admin = sys.as(WHO.admin);
  const before = await admin.ok('concern.getSettings', {});
  const res = await admin.call('concern.saveSettings', { acceptWorkingDays: 3, replyDays: 15, retentionYears: 0 });
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { retentionYears: '至少 1 年' } } });
  expect(await admin.ok('concern.getSettings', {})).toEqual(before);
});
