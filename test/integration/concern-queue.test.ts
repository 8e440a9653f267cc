import { CONCERN_STATUSES, OPEN_CONCERN_STATUSES, concernNo } from '@lxq/types';
import { quarterOf } from '../../cloudfunctions/shared/concerns/deadlines';
import { readWorkbook, serialToChina } from '../liaisonXlsx';
import { startSystem, WHO, type System } from './system';
import { CONCERN_SHEET_HEADER } from '../concernSheet';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const book = async (url: string) => readWorkbook(new Uint8Array(await (await fetch(url)).arrayBuffer()));

describe('the staff queue on demo data', () => {
  test('when staff open the queue, then the headline figures are made of the same seeded records as the status tabs', async () => {
    const staff = sys.as(WHO.cityStaff);
    const [list, figures] = await Promise.all([staff.ok('concern.listForStaff', {}), staff.ok('concern.figures', {})]);
    const { data } = await sys.db.collection('concerns').where({ unitPath: 'u-baiyin' }).limit(1000).get();
    const seeded = data as { status: string; createdAt: Date; firstRepliedAt?: Date | null }[];
    for (const s of CONCERN_STATUSES) {
      expect([s, list.counts[s] ?? 0]).toEqual([s, seeded.filter((c) => c.status === s).length]);
    }
    const quarter = quarterOf(new Date());
    const inQuarter = (d?: Date | null) => !!d && quarterOf(new Date(d)) === quarter;
    expect(figures.collected).toBe(seeded.filter((c) => inQuarter(c.createdAt)).length);
    expect(figures.answered).toBe(seeded.filter((c) => inQuarter(c.firstRepliedAt)).length);
    expect(figures.answered).toBeGreaterThan(0);
    expect(figures.open).toBe(OPEN_CONCERN_STATUSES.reduce((n, s) => n + (list.counts[s] ?? 0), 0));
    expect(figures.averageRating).not.toBeNull();
    // Every seeded concern was submitted within the last four weeks; unless the quarter turned
    // meanwhile, 本季度收集 is the 全部 tab and 已答复 the answered tabs.
    if (seeded.every((c) => inQuarter(c.createdAt))) {
      expect(figures.collected).toBe(Object.values(list.counts).reduce((a, b) => a + (b ?? 0), 0));
      expect(figures.answered).toBe(
        (list.counts.replied ?? 0) +
          (list.counts.closed ?? 0) +
          (list.counts.rejected ?? 0) +
          (list.counts.duplicate ?? 0),
      );
    }
  });

  test('when staff search the queue by words of the title, then only matching concerns of their scope come back', async () => {
    const hit = await sys.as(WHO.cityStaff).ok('concern.listForStaff', { q: '交叉口' });
    expect(hit.items.length).toBeGreaterThan(0);
    expect(hit.items.every((c) => c.title.includes('交叉口'))).toBe(true);
    expect(hit.total).toBe(hit.items.length);
    const regexChars = await sys.as(WHO.cityStaff).ok('concern.listForStaff', { q: '.*' });
    expect(regexChars.items).toHaveLength(0);
  });
});

describe('the queue in order', () => {
  test('when staff ask for the oldest first, then every page follows the submission time across the whole queue, whatever the filter', async () => {
    const staff = sys.as(WHO.cityStaff);
    const { data } = await sys.db.collection('concerns').where({ unitPath: 'u-baiyin' }).limit(1000).get();
    const all = (data as { _id: string; createdAt: Date; status: string }[])
      .map((c) => ({ ...c, at: new Date(c.createdAt).getTime() }))
      .sort((a, b) => a.at - b.at);
    expect(all.length).toBeGreaterThan(10);
    const first = await staff.ok('concern.listForStaff', { sort: 'createdAt', pageSize: 5 });
    const second = await staff.ok('concern.listForStaff', { sort: 'createdAt', pageSize: 5, page: 2 });
    const times = [...first.items, ...second.items].map((c) => new Date(c.createdAt).getTime());
    expect(times).toEqual(all.slice(0, 10).map((c) => c.at));
    const newest = await staff.ok('concern.listForStaff', { sort: '-createdAt', pageSize: 5 });
    expect(newest.items.map((c) => new Date(c.createdAt).getTime())).toEqual(
      all
        .slice(-5)
        .reverse()
        .map((c) => c.at),
    );
    // With a status tab the same order holds, served by the status index.
    const submitted = all.filter((c) => c.status === 'submitted');
    const tab = await staff.ok('concern.listForStaff', { status: 'submitted', sort: 'createdAt', pageSize: 3 });
    expect(tab.items.map((c) => c._id)).toEqual(submitted.slice(0, 3).map((c) => c._id));
    const bad = await staff.call('concern.listForStaff', { sort: 'title' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { sort: '排序方式无效' } } });
  });
});

describe('concern.exportQueue', () => {
  test('when staff export a filtered queue, then the workbook holds exactly the listed rows with Chinese headers and China times', async () => {
    const staff = sys.as(WHO.cityStaff);
    const filters = { status: 'submitted' as const };
    const list = await staff.ok('concern.listForStaff', { ...filters, pageSize: 50 });
    const res = await staff.ok('concern.exportQueue', filters);
    expect(res.rows).toBe(list.total);
    expect(res.fileName).toMatch(/^群众诉求-.+-\d{8}-\d{6}\.xlsx$/);
    const sheet = (await book(res.url))['群众诉求'];
    expect(sheet[0]).toEqual(CONCERN_SHEET_HEADER);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(list.items.map((c) => concernNo(c._id)));
    expect(sheet.slice(1).every((r) => r[6] === '待受理')).toBe(true);
    const created = sheet[1][9] as { serial: number };
    const first = list.items[0];
    const china = new Date(new Date(first.createdAt).getTime() + 8 * 3_600_000)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    expect(serialToChina(created.serial)).toBe(china);
    // No phone number leaves in a file.
    expect(JSON.stringify(sheet)).not.toMatch(/1\d{2}\*{4}\d{4}|1\d{10}/);
  });

  test('when a county clerk exports with a workstation and date range, then only that county’s rows in range are in the file', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const all = await staff.ok('concern.exportQueue', {});
    const city = await sys.as(WHO.cityStaff).ok('concern.exportQueue', {});
    expect(all.rows).toBeLessThan(city.rows);
    const ranged = await staff.ok('concern.exportQueue', { workstationId: 'ws-huishi', from: '2020-01-01', to: today });
    const listed = await staff.ok('concern.listForStaff', {
      workstationId: 'ws-huishi',
      from: '2020-01-01',
      to: today,
    });
    expect(ranged.rows).toBe(listed.total);
    const sheet = (await book(ranged.url))['群众诉求'];
    expect(sheet.slice(1).every((r) => r[4] === '会师镇委员工作站')).toBe(true);
  });

  test('when the filter is malformed or the caller is not staff, then the answer says why and no file is written', async () => {
    const bad = await sys.as(WHO.cityStaff).call('concern.exportQueue', { from: '2026/01/01' });
    expect(bad.ok ? null : bad.error.fields?.from).toBe('开始日期格式应为 YYYY-MM-DD');
    const member = await sys.as(WHO.member).call('concern.exportQueue', {});
    expect(member.ok ? null : member.error.code).toBe('FORBIDDEN');
  });
});

describe('the assign picker', () => {
  test('when staff open the member options, then each member comes with 界别, stations, today’s duty and open cases', async () => {
    const staff = sys.as(WHO.cityStaff);
    const { items } = await staff.ok('concern.assigneeOptions', { id: 'concern-demo-03', kind: 'member' });
    expect(items.length).toBeGreaterThan(20);
    expect(items.filter((o) => o.group).length).toBeGreaterThan(0);
    expect(items.every((o) => typeof o.openCases === 'number' && Array.isArray(o.stations))).toBe(true);
    const target = items[0];
    await staff.ok('concern.assign', { id: 'concern-demo-03', target: { kind: 'member', id: target.id } });
    const after = await staff.ok('concern.assigneeOptions', { id: 'concern-demo-03', kind: 'member' });
    expect(after.items.find((o) => o.id === target.id)?.openCases).toBe((target.openCases ?? 0) + 1);
  });
});
