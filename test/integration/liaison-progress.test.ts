import { readWorkbook } from '../liaisonXlsx';
import { startSystem, WHO } from './system';

let sys: Awaited<ReturnType<typeof startSystem>>;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

test('when staff ask who is behind quota, then every member of their subtree is listed, those behind first, as the export counts them', async () => {
  const staff = sys.as(WHO.cityStaff);
  const first = await staff.ok('liaison.progress', { pageSize: 50 });
  const all = { ...first, items: [...first.items] };
  for (let page = 2; all.items.length < first.total; page++) {
    all.items.push(...(await staff.ok('liaison.progress', { pageSize: 50, page })).items);
  }
  const members = await sys.db.collection('users').where({ unitPath: 'u-baiyin', roles: 'member' }).count();
  expect(all.total).toBe(members.total);
  expect(all.behindCount).toBeGreaterThan(0);
  const firstOnTrack = all.items.findIndex((r) => !r.behind);
  expect(all.items.slice(firstOnTrack === -1 ? all.items.length : firstOnTrack).every((r) => !r.behind)).toBe(true);
  expect(all.items.filter((r) => r.behind).every((r) => r.shortfalls.length > 0)).toBe(true);

  const behind = await staff.ok('liaison.progress', { behind: true, pageSize: 50 });
  expect(behind.total).toBe(all.behindCount);

  // The same aggregate as the export's quota sheet: one member's figures agree.
  const exported = await staff.ok('liaison.export', {});
  const book = readWorkbook(new Uint8Array(await (await fetch(exported.url)).arrayBuffer()));
  const quotaSheet = book[Object.keys(book)[1]];
  const row = all.items.find((r) => r.quarterActivities > 0) ?? all.items[0];
  const sheetRow = quotaSheet.find((r) => r[0] === row.name)!;
  expect(sheetRow.slice(2, 6)).toEqual([
    row.quarterActivities,
    row.quarterPersonTimes,
    row.yearActivities,
    row.yearPersonTimes,
  ]);
});

test('when a county clerk searches by name or a member asks, then they get their own county or a refusal', async () => {
  const county = await sys.as(WHO.huiningStaff).ok('liaison.progress', { pageSize: 50 });
  const city = await sys.as(WHO.cityStaff).ok('liaison.progress', { pageSize: 1 });
  expect(county.total).toBeLessThan(city.total);
  const name = county.items[0].name;
  const found = await sys.as(WHO.huiningStaff).ok('liaison.progress', { q: name });
  expect(found.items.every((r) => r.name.includes(name) || r.sectorName.includes(name))).toBe(true);
  const bad = await sys.as(WHO.cityStaff).call('liaison.progress', { quarter: 7 });
  expect(bad.ok).toBe(false);
  const member = await sys.as(WHO.member).call('liaison.progress', {});
  expect(member.ok ? null : member.error.code).toBe('FORBIDDEN');
});

test('when the subtree has more members than one answer weighs, then the answer says it stopped short and counts only that many', async () => {
  const staff = sys.as(WHO.cityStaff);
  const whole = await staff.ok('liaison.progress', { pageSize: 1 });
  expect(whole.capped).toBe(false);
  // The cap is read by each function instance as it starts: a restart brings instances that see it.
  process.env.LXQ_PROGRESS_MAX_MEMBERS = '3';
  try {
    await sys.restart();
    const capped = await staff.ok('liaison.progress', { pageSize: 50 });
    expect(capped.capped).toBe(true);
    expect(capped.cap).toBe(3);
    expect(capped.total).toBe(3);
    expect(capped.items).toHaveLength(3);
    // A subtree exactly the cap's size is counted whole, and not flagged.
    process.env.LXQ_PROGRESS_MAX_MEMBERS = String(whole.total);
    await sys.restart();
    const exact = await staff.ok('liaison.progress', { pageSize: 1 });
    expect([exact.capped, exact.total]).toEqual([false, whole.total]);
  } finally {
    delete process.env.LXQ_PROGRESS_MAX_MEMBERS;
    await sys.restart();
  }
});
