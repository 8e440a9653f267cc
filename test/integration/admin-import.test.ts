/**
 * Bulk import of members and staff (issue 17): the template, a file of good, bad and repeated
 * rows previewed without writing, the commit inviting the good rows, and the same file again
 * creating nothing.
 */
import { workbook, type Cell } from '../../cloudfunctions/shared/xlsx';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const HEADER = ['姓名', '身份', '手机号', '界别'];
const fileOf = (rows: Cell[][], header = HEADER) =>
  Buffer.from(workbook([{ name: '人员名单', header, rows }])).toString('base64');

const ROWS: Cell[][] = [
  ['张建国', '委员', '13900000001', '民盟'],
  ['李秀兰', '工作人员', 13900000002, ''],
  ['王', '委员', '13900000003', '民盟'],
  ['赵志强', '主席', '1390000', ''],
  ['钱文华', '委员', '13900000005', '不存在界'],
  ['张建国', '委员', '13900000001', '民盟'],
  [null, null, null, null],
  ['孙丽', '委员', '13900000007', '民建'],
];
const invitationsOfHuining = async () =>
  (await sys.db.collection('invitations').where({ unitPath: 'u-huining' }).count()).total as number;

test('when the admin downloads the template, then it is a workbook with the import header', async () => {
  const t = await sys.as(WHO.admin).ok('admin.importTemplate', {});
  expect(t.fileName).toBe('人员导入模板.xlsx');
  const res = await fetch(t.url);
  expect(res.status).toBe(200);
  const { readFirstSheet } = await import('../../cloudfunctions/shared/xlsxRead');
  expect(readFirstSheet(new Uint8Array(await res.arrayBuffer()))).toEqual([HEADER]);
});

test('when a file of good, bad and repeated rows is previewed, then each row says why in Chinese and nothing is written', async () => {
  const before = await invitationsOfHuining();
  const preview = await sys.as(WHO.admin).ok('admin.importPreview', { unitId: 'u-huining', file: fileOf(ROWS) });
  expect(preview.valid).toBe(3);
  expect(preview.rows.map((r) => [r.row, r.status, r.message])).toEqual([
    [2, 'ok', '将发出邀请'],
    [3, 'ok', '将发出邀请'],
    [4, 'error', '姓名应为 2 至 20 个字'],
    [5, 'error', '身份应填写「委员」或「工作人员」；手机号应为 11 位数字'],
    [6, 'error', '本单位没有「不存在界」界别'],
    [7, 'duplicate', '与第 2 行是同一手机号，只导入一次'],
    [9, 'ok', '将发出邀请'],
  ]);
  // A phone typed as a number reads back as its digits.
  expect(preview.rows[1].phone).toBe('13900000002');
  expect(await invitationsOfHuining()).toBe(before);
});

test('when the file is committed, then the valid rows get invitations; the same file again creates nothing twice', async () => {
  const admin = sys.as(WHO.admin);
  const before = await invitationsOfHuining();
  const file = fileOf(ROWS);
  const first = await admin.ok('admin.importCommit', { unitId: 'u-huining', file });
  expect(first).toMatchObject({ created: 3, skipped: 1, errors: 3 });
  expect(first.rows.filter((r) => r.code).map((r) => r.name)).toEqual(['张建国', '李秀兰', '孙丽']);
  expect(await invitationsOfHuining()).toBe(before + 3);
  const { data } = await sys.db
    .collection('invitations')
    .where({ unitPath: 'u-huining', name: '张建国' })
    .limit(5)
    .get();
  expect(data).toHaveLength(1);
  expect(data[0]).toMatchObject({ role: 'member', phone: '13900000001', unitId: 'u-huining', usedAt: null });
  expect(data[0].sectorId).toMatch(/^sec-huining-/);

  // Again, as a new request: every valid row is already invited.
  const again = await admin.ok('admin.importCommit', { unitId: 'u-huining', file }, newRequestId());
  expect(again).toMatchObject({ created: 0, skipped: 4, errors: 3 });
  expect(again.rows[0]).toMatchObject({ status: 'exists', message: '此前已导入并发出邀请，不再重复创建' });
  expect(await invitationsOfHuining()).toBe(before + 3);

  // The invited person binds the invitation: they become a 会宁 member of the sector.
  const me = await sys.as('o_imported_zhang').ok('account.bindInvitation', { code: first.rows[0].code! });
  expect(me).toMatchObject({ roles: ['citizen', 'member'], unit: { _id: 'u-huining' } });

  const log = await admin.ok('admin.auditLog', { action: 'admin.importCommit' });
  expect(log.items).toHaveLength(2);
  expect(log.items[1].after).toContain('张建国');
});

test('when the file is not a workbook or has another header, then the whole file is refused in Chinese', async () => {
  const admin = sys.as(WHO.admin);
  expect(
    await admin.call('admin.importPreview', {
      unitId: 'u-huining',
      file: Buffer.from('姓名,身份\n张三,委员').toString('base64'),
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { file: '无法读取该文件，请上传由模板填写的 .xlsx 文件' } },
  });
  expect(
    await admin.call('admin.importPreview', {
      unitId: 'u-huining',
      file: fileOf(ROWS, ['名字', '角色', '电话', '界别']),
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { file: expect.stringContaining('表头应为：姓名、身份、手机号、界别') } },
  });
  expect(await admin.call('admin.importPreview', { unitId: 'u-huining', file: fileOf([]) })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { file: '文件中没有填写任何人员' } },
  });
  expect(
    await sys.as(WHO.huiningStaff).call('admin.importCommit', { unitId: 'u-huining', file: fileOf(ROWS) }),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
