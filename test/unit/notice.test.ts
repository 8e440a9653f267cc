import { strFromU8, unzipSync } from 'fflate';
import type { Notice } from '@lxq/types';
import { column, workbook } from '../../cloudfunctions/shared/xlsx';
import { inboxId, noticeMessage } from '../../cloudfunctions/notice/domain/delivery/message';
import { templateData } from '../../cloudfunctions/shared/notify';

test('when a table is written as .xlsx, then the zip holds a workbook whose sheet has every row, escaped', () => {
  const file = workbook([
    {
      name: '回执',
      header: ['姓名', '阅读时间'],
      rows: [
        ['张三 & <李四>', '2026-11-24 10:00'],
        ['王五', 3],
      ],
    },
  ]);
  const parts = unzipSync(file);
  expect(Object.keys(parts).sort()).toEqual([
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    'xl/workbook.xml',
    'xl/worksheets/sheet1.xml',
  ]);
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
  expect(sheet).toContain('<t xml:space="preserve">张三 &amp; &lt;李四&gt;</t>');
  expect(sheet).toContain('<c r="B3"><v>3</v></c>');
  expect(sheet.match(/<row /g)).toHaveLength(3);
  expect(strFromU8(parts['xl/workbook.xml'])).toContain('name="回执"');
});

test('when columns run past Z, then they are lettered as Excel does', () => {
  expect([0, 25, 26, 27, 701, 702].map(column)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});

const notice = {
  _id: 'n1',
  title: '关于召开界别委员座谈会的通知：请各位委员准时参加并提前准备发言材料',
  body: '各位委员：\n\n请**准时**参加，详见[材料](https://example.invalid/a)。',
  unitName: '政协会宁县委员会',
  createdByName: '杨振华',
  meeting: {
    at: new Date('2026-12-01T01:30:00Z'),
    place: '县政协三楼会议室',
    replyBy: new Date('2026-11-30T00:00:00Z'),
  },
  sendAt: new Date('2026-11-24T02:00:00Z'),
  sentAt: null,
} as unknown as Notice;

test('when a long notice title is pushed, then the message fits the template (thing ≤ 20) and shows China time', () => {
  const m = noticeMessage(notice, 0, 'o1');
  expect(m.id).toBe('n1:o1');
  expect(m.body).toBe('各位委员： 请准时参加，详见材料。');
  const data = templateData('notice', m.push!.values);
  expect([...data.thing1.value].length).toBeLessThanOrEqual(20);
  expect(data.thing1.value.endsWith('…')).toBe(true);
  expect(data.thing2.value).toBe('会议地点：县政协三楼会议室');
  expect(data.time3.value).toBe('2026-12-01 09:30');
});

test('when a reminder round is told, then its inbox id differs from the notice’s, so both exist once', () => {
  expect(inboxId('n1', 0, 'o1')).toBe('n1:o1');
  expect(inboxId('n1', 2, 'o1')).toBe('n1:r2:o1');
  expect(noticeMessage(notice, 2, 'o1')).toMatchObject({ kind: 'reminder', title: expect.stringMatching(/^【提醒】/) });
});
