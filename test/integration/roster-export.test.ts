import { readWorkbook, serialToChina } from '../liaisonXlsx';
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const chinaDay = (offset = 0) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const book = async (url: string) => readWorkbook(new Uint8Array(await (await fetch(url)).arrayBuffer()));

test('when staff export a station’s roster, then every member of every listed shift is a row with China dates and times', async () => {
  const staff = sys.as(WHO.huiningStaff);
  const span = { workstationId: 'ws-huishi', from: chinaDay(-7), to: chinaDay(7) };
  const listed = await staff.ok('duty.listShifts', { ...span, pageSize: 50 });
  expect(listed.total).toBeGreaterThan(0);
  const res = await staff.ok('duty.exportRoster', span);
  expect(res.shifts).toBe(listed.total);
  const members = listed.items.reduce((n, s) => n + s.members.length, 0);
  expect(res.rows).toBe(members);
  expect(res.fileName).toBe(`排班-会师镇委员工作站-${span.from}至${span.to}.xlsx`);
  const sheet = (await book(res.url))['排班'];
  expect(sheet[0]).toEqual([
    '日期',
    '星期',
    '开始',
    '结束',
    '工作站',
    '值班委员',
    '界别',
    '签到情况',
    '签到时间',
    '班次状态',
  ]);
  expect(sheet).toHaveLength(members + 1);
  const first = listed.items[0];
  const row = sheet[1];
  expect(serialToChina((row[0] as { serial: number }).serial).slice(0, 10)).toBe(first.date);
  const startChina = new Date(new Date(first.start).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  expect(row[2]).toBe(startChina);
  expect(row[4]).toBe('会师镇委员工作站');
  expect(row[5]).toBe(first.members[0].name);
});

test('when the span is reversed, too long or another county’s station, then the clerk is told and no file is made', async () => {
  const staff = sys.as(WHO.huiningStaff);
  const reversed = await staff.call('duty.exportRoster', {
    workstationId: 'ws-huishi',
    from: chinaDay(3),
    to: chinaDay(0),
  });
  expect(reversed.ok ? null : reversed.error.fields?.to).toBe('结束日期不能早于开始日期');
  const long = await staff.call('duty.exportRoster', {
    workstationId: 'ws-huishi',
    from: chinaDay(0),
    to: chinaDay(120),
  });
  expect(long.ok ? null : long.error.fields?.to).toBe('一次最多导出 92 天的排班');
  const foreign = await sys
    .as(WHO.jingyuanStaff)
    .call('duty.exportRoster', { workstationId: 'ws-huishi', from: chinaDay(0), to: chinaDay(7) });
  expect(foreign.ok ? null : foreign.error.code).toBe('FORBIDDEN');
});
