/**
 * A station's roster with its attendance, and its receptions, exported through the one export job
 * as the roster page filters them (a station and a span of days).
 */
import type { ExportJobView } from '@lxq/types';
import { readWorkbook, serialToChina } from '../liaisonXlsx';
import { blankMember, shiftDoc } from '../../cloudfunctions/duty/domain/shiftDoc';
import { chinaDate } from './shifts';
import { startSystem, WHO, type Client, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const chinaDay = (offset = 0) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const book = async (url: string) => readWorkbook(new Uint8Array(await (await fetch(url)).arrayBuffer()));

async function exported(staff: Client, first: ExportJobView) {
  let job = first;
  while (job.status === 'running') job = await staff.ok('exportJob.status', { id: job._id });
  expect(job.status).toBe('done');
  return job;
}

test('when staff export a station’s roster, then every member of every listed shift is a row with China dates, times and attendance', async () => {
  const staff = sys.as(WHO.huiningStaff);
  const span = { workstationId: 'ws-huishi', from: chinaDay(-7), to: chinaDay(7) };
  const listed = await staff.ok('duty.listShifts', { ...span, pageSize: 50 });
  expect(listed.total).toBeGreaterThan(0);
  const job = await exported(staff, await staff.ok('exportJob.start', { kind: 'roster', roster: span }));
  const members = listed.items.flatMap((s) => s.members.map((m) => ({ shift: s, m })));
  expect(job.total).toBe(members.length);
  expect(job.fileName).toMatch(
    new RegExp(`^排班与签到-会师镇委员工作站-${span.from}至${span.to}-\\d{8}-\\d{6}\\.xlsx$`),
  );
  const sheet = (await book(job.url!))['排班'];
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
    '签退时间',
    '班次状态',
  ]);
  expect(sheet).toHaveLength(members.length + 1);
  // Row by row as the page lists them: the shift's China date and time, the member, how they attended.
  const china = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  sheet.slice(1).forEach((row, i) => {
    const { shift, m } = members[i];
    expect(serialToChina((row[0] as { serial: number }).serial).slice(0, 10)).toBe(shift.date);
    expect(row[2]).toBe(china(shift.start).slice(11, 16));
    expect(row[4]).toBe('会师镇委员工作站');
    expect(row[5]).toBe(m.name);
    if (m.signedInAt) {
      const at = ((row[8] as { serial: number }).serial - 25_569) * 86_400_000 - 8 * 3_600_000;
      expect(Math.abs(at - Date.parse(m.signedInAt))).toBeLessThan(1000);
    }
  });
  expect(sheet.slice(1).some((r) => r[8] !== '')).toBe(true);
});

test('when a station’s quarter has over a thousand roster rows, then the export pages through them and has each row once', async () => {
  const staff = sys.as(WHO.huiningStaff);
  const station = (await sys.db.collection('workstations').where({ _id: 'ws-huishi' }).get()).data[0];
  // 90 days from 300 days ahead, five shifts a day of three members: 1,350 rows.
  const first = Date.parse(`${chinaDay(300)}T08:00:00+08:00`);
  const people = [1, 2, 3].map((k) =>
    blankMember({ _id: `user-roster-${k}`, openid: `o_roster_${k}`, name: `排班委员${k}`, avatar: null }, '经济界'),
  );
  const docs = Array.from({ length: 450 }, (_x, i) => {
    const start = new Date(first + Math.floor(i / 5) * 86_400_000 + (i % 5) * 7_200_000);
    const when = { date: chinaDate(start), start, end: new Date(start.getTime() + 3_600_000) };
    return shiftDoc(`shift-roster-${i}`, station, when, people, 'test', new Date());
  });
  await sys.db.collection('shifts').add({ data: docs });
  const span = { workstationId: 'ws-huishi', from: chinaDate(new Date(first)), to: chinaDay(300 + 89) };
  const job = await exported(staff, await staff.ok('exportJob.start', { kind: 'roster', roster: span }));
  expect(job.total).toBe(1350);
  const rows = (await book(job.url!))['排班'].slice(1);
  expect(rows).toHaveLength(1350);
  const keys = rows.map((r) => `${(r[0] as { serial: number }).serial}|${r[2]}|${r[5]}`);
  expect(new Set(keys).size).toBe(1350);
}, 60_000);

test('when staff export a station’s receptions, then the workbook holds exactly the span’s receptions, phones masked', async () => {
  const staff = sys.as(WHO.huiningStaff);
  const span = { workstationId: 'ws-huishi', from: chinaDay(-14), to: chinaDay(0) };
  await sys.db.collection('receptions').add({
    data: {
      _id: 'reception-export-consent',
      shiftId: 'shift-none',
      workstationId: 'ws-huishi',
      workstationName: '会师镇委员工作站',
      unitId: 'u-huining',
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      memberId: 'user-roster-1',
      memberName: '排班委员1',
      date: chinaDay(-1),
      people: 2,
      topic: '咨询导出测试',
      visitorName: '张来访',
      visitorPhone: '13912345678',
      consent: true,
      concernId: null,
      createdAt: new Date(),
    },
  });
  const { data: raw } = await sys.db
    .collection('receptions')
    .where({ workstationId: 'ws-huishi', date: sys.db.command.gte(span.from).and(sys.db.command.lte(span.to)) })
    .limit(1000)
    .get();
  expect(raw.length).toBeGreaterThan(1);
  const job = await exported(staff, await staff.ok('exportJob.start', { kind: 'receptions', receptions: span }));
  expect(job.total).toBe(raw.length);
  const sheet = (await book(job.url!))['值班接待'];
  expect(sheet[0]).toEqual([
    '日期',
    '登记时间',
    '工作站',
    '值班委员',
    '接待人数',
    '接待事项',
    '来访人',
    '联系电话',
    '转为诉求',
  ]);
  expect(
    sheet
      .slice(1)
      .map((r) => r[5])
      .sort(),
  ).toEqual(raw.map((r: { topic: string }) => r.topic).sort());
  expect(sheet.slice(1).map((r) => r[0])).toEqual([...sheet.slice(1).map((r) => r[0])].sort());
  const consented = sheet.find((r) => r[5] === '咨询导出测试')!;
  expect(consented.slice(4, 8)).toEqual([2, '咨询导出测试', '张来访', '139****5678']);
  expect(JSON.stringify(sheet)).not.toContain('13912345678');
});

test('when the span is reversed, too long, missing or another county’s station, then the clerk is told and no job is stored', async () => {
  const staff = sys.as(WHO.huiningStaff);
  const before = (await sys.db.collection('export_jobs').count()).total;
  const reversed = await staff.call('exportJob.start', {
    kind: 'roster',
    roster: { workstationId: 'ws-huishi', from: chinaDay(3), to: chinaDay(0) },
  });
  expect(reversed.ok ? null : reversed.error.fields?.['roster.to']).toBe('结束日期不能早于开始日期');
  const long = await staff.call('exportJob.start', {
    kind: 'receptions',
    receptions: { workstationId: 'ws-huishi', from: chinaDay(0), to: chinaDay(120) },
  });
  expect(long.ok ? null : long.error.fields?.['receptions.to']).toBe('一次最多导出 92 天的排班');
  const missing = await staff.call('exportJob.start', { kind: 'roster' });
  expect(missing.ok ? null : missing.error.message).toBe('请先选择要导出的工作站和日期，或通知');
  const foreign = await sys.as(WHO.jingyuanStaff).call('exportJob.start', {
    kind: 'roster',
    roster: { workstationId: 'ws-huishi', from: chinaDay(0), to: chinaDay(7) },
  });
  expect(foreign.ok ? null : foreign.error.code).toBe('FORBIDDEN');
  expect((await sys.db.collection('export_jobs').count()).total).toBe(before);
});
