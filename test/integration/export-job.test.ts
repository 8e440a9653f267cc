import { concernNo, type ExportJobView } from '@lxq/types';
import { readWorkbook, serialToChina } from '../liaisonXlsx';
import { planFault, readTripsSoFar, tripsSoFar } from '../../emulator/db/faults';
import { newRequestId, startSystem, WHO, type Client, type System } from './system';
import { CONCERN_SHEET_HEADER } from '../concernSheet';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const book = async (url: string) => readWorkbook(new Uint8Array(await (await fetch(url)).arrayBuffer()));

/** Polls the job until it ends, noting each progress figure seen on the way. */
async function awaitJob(staff: Client, first: ExportJobView, seen: number[] = []) {
  let job = first;
  const until = Date.now() + 90_000;
  while (job.status === 'running') {
    if (Date.now() > until) throw new Error(`export still running: ${job.done} / ${job.total}`);
    seen.push(job.done);
    await new Promise((r) => setTimeout(r, 200));
    job = await staff.ok('exportJob.status', { id: job._id });
  }
  return job;
}

const BIG = 12_000;

/** `n` concerns at one station of 靖远, ids whose 编号 (the last six characters) differ. */
async function addConcerns(n: number) {
  const now = Date.now();
  for (let i = 0; i < n; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - i) }, (_x, k) => {
      const j = i + k;
      return {
        _id: `cexport${String(j).padStart(8, '0')}`,
        unitId: 'u-jingyuan',
        unitPath: ['u-gansu', 'u-baiyin', 'u-jingyuan'],
        workstationId: 'ws-export',
        workstationName: '导出测试工作站',
        category: '民生',
        title: `导出测试诉求 ${j}`,
        text: '导出测试用的诉求内容',
        photos: [],
        status: 'submitted',
        submitterOpenid: `o_export_${j % 50}`,
        anonymous: j % 2 === 0,
        phone: '13800000000',
        timeline: [],
        dueAt: new Date(now + 86_400_000),
        createdAt: new Date(now - 3_600_000 - j * 60_000),
        updatedAt: new Date(now - j * 60_000),
      };
    });
    await sys.db.collection('concerns').add({ data: batch });
  }
}

describe('the one export job', () => {
  test('when staff export a filtered queue of a few rows, then it is done in the same call and the workbook holds exactly those rows', async () => {
    const staff = sys.as(WHO.cityStaff);
    const list = await staff.ok('concern.listForStaff', { status: 'submitted', pageSize: 50 });
    const job = await staff.ok('exportJob.start', { kind: 'concerns', concerns: { status: 'submitted' } });
    expect(job.status).toBe('done');
    expect(job.total).toBe(list.total);
    expect(job.done).toBe(list.total);
    expect(job.fileName).toMatch(/^群众诉求-政协白银市委员会-\d{8}-\d{6}\.xlsx$/);
    const sheet = (await book(job.url!))['群众诉求'];
    expect(sheet[0]).toEqual(CONCERN_SHEET_HEADER);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(list.items.map((c) => concernNo(c._id)));
    // Dates are real dates, in China time.
    const created = sheet[1][9] as { serial: number };
    expect(serialToChina(created.serial)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  test('when staff export 12,000 concerns and the starting call dies holding the job, then its retry takes the job up at once, it runs on over several invocations, shows its progress, and the workbook has every row once', async () => {
    await addConcerns(BIG);
    const staff = sys.as(WHO.jingyuanStaff);
    // Which round trip takes the job (the call's second write, after storing it): counted on a
    // small export, as the big one's first trips are the same.
    planFault({ fn: 'exportJob', n: 0, when: 'before' });
    await staff.ok('exportJob.start', { kind: 'concerns', concerns: { status: 'closed' } });
    const reads = new Set(readTripsSoFar());
    const claim = Array.from({ length: tripsSoFar() }, (_x, i) => i + 1).filter((n) => !reads.has(n))[1];
    planFault({ fn: 'exportJob', n: claim, when: 'kill' });
    const input = { kind: 'concerns', concerns: { workstationId: 'ws-export' } } as const;
    const requestId = newRequestId();
    await expect(staff.call('exportJob.start', input, requestId)).rejects.toThrow('-504002');
    expect(planFault(null)).toBe(true);
    // The dead call holds the job: only its own retry may take it before the lease runs out.
    const { data: held } = await sys.db
      .collection('export_jobs')
      .where({ status: 'running', leaseUntil: sys.db.command.gt(new Date()) })
      .get();
    expect(held.map((j: { total: number; done: number }) => [j.total, j.done])).toEqual([[BIG, 0]]);
    const first = await staff.ok('exportJob.start', input, requestId);
    expect(first._id).toBe(held[0]._id);
    expect(first.done).toBeGreaterThan(0);
    expect(first.total).toBe(BIG);
    expect(first.status).toBe('running');
    const seen: number[] = [];
    const job = await awaitJob(staff, first, seen);
    expect(job.status).toBe('done');
    expect(job.done).toBe(BIG);
    // Progress moved while it ran, never backwards.
    expect(seen.length).toBeGreaterThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const { data } = await sys.db.collection('export_jobs').where({ _id: job._id }).get();
    expect(data[0].runs).toBeGreaterThanOrEqual(3);
    const sheet = (await book(job.url!))['群众诉求'];
    const numbers = sheet.slice(1).map((r) => r[0] as string);
    expect(numbers).toHaveLength(BIG);
    expect(new Set(numbers).size).toBe(BIG);
    // Newest first, as the table shows them; no phone number leaves in the file.
    expect(numbers[0]).toBe(concernNo('cexport00000000'));
    expect(JSON.stringify(sheet)).not.toContain('13800000000');
    // The parts are gone once joined.
    const { total: parts } = await sys.db.collection('export_parts').where({ jobId: job._id }).count();
    expect(parts).toBe(0);
  }, 120_000);

  test('when staff export liaison records of a sector, then the workbook holds those records', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const list = await staff.ok('liaison.list', { pageSize: 1 });
    const job = await awaitJob(staff, await staff.ok('exportJob.start', { kind: 'liaison', liaison: {} }));
    expect(job.status).toBe('done');
    const workbook = await book(job.url!);
    const sheet = workbook['联系记录'];
    expect(sheet.length - 1).toBe(list.total);
    expect(sheet[0][0]).toBe('日期');
    // Beside the records, the quarter's quota per member, as liaison.export writes it.
    const quota = Object.entries(workbook).find(([name]) => name.includes('季度指标'))![1];
    expect(quota[0][0]).toBe('委员');
    expect(quota.length).toBeGreaterThan(1);
  });

  test('when a member logs a record dated a few minutes ahead and staff export their records at once, then the workbook holds every record the table lists', async () => {
    // A phone's clock may run ahead: liaison.log takes a record up to five minutes after the
    // server's now, and the table lists it at once. Minutes only, so "in two minutes" is 1–2 min on.
    const ahead = new Date(Date.now() + 8 * 3_600_000 + 2 * 60_000).toISOString();
    const place = '导出测试·时钟偏快的手机';
    await sys.as(WHO.member).ok('liaison.log', {
      date: ahead.slice(0, 10),
      time: ahead.slice(11, 16),
      channel: 'face',
      place,
      personTimes: 3,
      summary: '手机时钟比服务器快两分钟时记下的联系活动。',
    });
    const staff = sys.as(WHO.cityStaff);
    const list = await staff.ok('liaison.list', { memberId: 'user-m02', pageSize: 50 });
    expect(list.items.map((r) => r.place)).toContain(place);
    const job = await awaitJob(
      staff,
      await staff.ok('exportJob.start', { kind: 'liaison', liaison: { memberId: 'user-m02' } }),
    );
    const sheet = (await book(job.url!))['联系记录'];
    expect(job.total).toBe(list.total);
    expect(sheet.slice(1).map((r) => r[5])).toEqual(list.items.map((r) => r.place));
  });

  test('when staff export every leave request and the stations, then each workbook holds what its table lists', async () => {
    const staff = sys.as(WHO.cityStaff);
    const leaves = await staff.ok('duty.listLeaves', { status: 'all', pageSize: 50 });
    const leaveJob = await awaitJob(
      staff,
      await staff.ok('exportJob.start', { kind: 'leaves', leaves: { status: 'all' } }),
    );
    const leaveSheet = (await book(leaveJob.url!))['请假与调班'];
    expect(leaveSheet.length - 1).toBe(leaves.total);
    expect(leaveSheet.slice(1).map((r) => r[0])).toEqual(leaves.items.map((l) => l.requesterName));
    const stations = await staff.ok('org.listWorkstations', { unitId: 'u-baiyin', pageSize: 50 });
    const stationJob = await awaitJob(staff, await staff.ok('exportJob.start', { kind: 'workstations' }));
    const stationSheet = (await book(stationJob.url!))['工作站'];
    expect(stationSheet[0]).toEqual(['名称', '类型', '地址', '开放时间', '负责人', '驻站委员数', '纬度', '经度']);
    expect(stationSheet.slice(1).map((r) => r[0])).toEqual(stations.items.map((w) => w.name));
  });

  test('when staff export the open invitation codes, then the workbook lists those codes', async () => {
    const staff = sys.as(WHO.cityStaff);
    const open = await staff.ok('account.listInvitations', { status: 'open', pageSize: 50 });
    const job = await awaitJob(
      staff,
      await staff.ok('exportJob.start', { kind: 'invitations', invitations: { status: 'open' } }),
    );
    const sheet = (await book(job.url!))['邀请码'];
    expect(sheet.slice(1).map((r) => r[0])).toEqual(open.items.map((i) => i.code));
    expect(sheet.slice(1).every((r) => r[4] === '待使用')).toBe(true);
  });

  test('when the input is bad, or the job is someone else’s, then a Chinese message and nothing stored', async () => {
    const staff = sys.as(WHO.huiningStaff);
    const before = (await sys.db.collection('export_jobs').count()).total;
    const bad = await staff.call('exportJob.start', { kind: 'nothing' as 'concerns' });
    expect(bad.ok ? null : bad.error.message).toBe('不支持导出这张表');
    const badFilter = await staff.call('exportJob.start', {
      kind: 'concerns',
      concerns: { status: 'nope' as 'submitted' },
    });
    expect(badFilter.ok ? null : badFilter.error.code).toBe('VALIDATION');
    expect((await sys.as(WHO.member).call('exportJob.start', { kind: 'concerns' })).ok).toBe(false);
    expect((await sys.db.collection('export_jobs').count()).total).toBe(before);
    const mine = await staff.ok('exportJob.start', { kind: 'concerns', concerns: { status: 'closed' } });
    const other = await sys.as(WHO.cityStaff).call('exportJob.status', { id: mine._id });
    expect(other.ok ? null : other.error).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这个导出任务' });
  });
});
