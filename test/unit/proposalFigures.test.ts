import { strFromU8, unzipSync } from 'fflate';
import type { Proposal, Sector } from '@lxq/types';
import { figuresOf } from '../../cloudfunctions/proposal/domain/figures';
import { blocksOf } from '../../cloudfunctions/proposal/actions/exportDoc';
import { docx } from '../../cloudfunctions/shared/docx';
import { unreviewed } from '../../cloudfunctions/proposal/domain/unreviewed';

const at = new Date('2026-03-05T02:00:00Z');
const p = (over: Partial<Proposal>): Proposal =>
  ({
    _id: Math.random().toString(36).slice(2),
    sessionId: 's1',
    sessionName: '十三届一次会议',
    unitId: 'u',
    unitPath: ['u'],
    kind: 'individual',
    title: '关于改善农村寄宿制学校条件的建议',
    body: '部分农村寄宿制学校宿舍拥挤。\n建议加大投入。',
    proposerId: 'm1',
    proposerOpenid: 'o1',
    proposerName: '王芳',
    sectorId: null,
    sectorName: null,
    committeeId: null,
    committeeName: null,
    groupName: null,
    cosigners: [],
    cosignerOpenids: [],
    sources: [],
    status: 'submitted',
    submittedAt: at,
    year: 2026,
    ...unreviewed(),
    events: [],
    createdAt: at,
    updatedAt: at,
    ...over,
  }) as Proposal;

const sectors = [
  { _id: 'sec-a', unitId: 'u', name: '民盟', order: 0 },
  { _id: 'sec-b', unitId: 'u', name: '教育界', order: 1 },
] as Sector[];

test('when figures are made, then 立案率 counts filed and everything after it over all submitted, drafts left out', () => {
  const list = [
    p({ status: 'draft', submittedAt: null }),
    p({ status: 'filed', kind: 'sector', sectorId: 'sec-a', sectorName: '民盟' }),
    p({
      status: 'closed',
      key: true,
      answeredAt: at,
      answeredOnTime: true,
      ratings: [{ rating: 'satisfied', comment: '', at }],
    }),
    p({ status: 'not_filed', proposerId: 'm2', proposerName: '李强' }),
    p({ status: 'merged' }),
  ];
  const f = figuresOf(list, sectors, 2026);
  expect(f.submitted).toBe(4);
  expect(f.filed).toBe(2);
  expect(f.rate).toBe(50);
  expect(f.merged).toBe(1);
  expect(f.key).toBe(1);
  expect(f.answeredOnTime).toBe(1);
  expect(f.ratings.satisfied).toBe(1);
  expect(f.byKind.find((r) => r.label === '界别提案')).toEqual({
    label: '界别提案',
    submitted: 1,
    filed: 1,
    rate: 100,
  });
  expect(f.sectorsWithout.map((s) => s.name)).toEqual(['教育界']);
  expect(f.byMember).toEqual([
    { memberId: 'm1', name: '王芳', submitted: 3, filed: 2 },
    { memberId: 'm2', name: '李强', submitted: 1, filed: 0 },
  ]);
});

test('when a proposal with its reply is written as .docx, then the Word package holds the title, the text and the reply', () => {
  const doc = p({
    status: 'answered',
    cosigners: [{ userId: 'm3', openid: 'o3', name: '赵敏', status: 'confirmed', at }],
    assignments: [
      {
        handlingUnitId: 'h',
        name: '会宁县教育局',
        role: 'lead',
        status: 'answered',
        dueOn: '2026-06-01',
        acknowledgedAt: at,
        returnReason: null,
        extension: null,
        remindedOn: null,
        replies: [
          {
            category: 'A',
            text: '已列入年度计划 & 秋季前完成。',
            fileID: 'f',
            fileName: 'a.pdf',
            at,
            by: 'o',
            byName: '李文斌',
          },
        ],
      },
    ],
  });
  const parts = unzipSync(docx(blocksOf(doc)));
  const xml = strFromU8(parts['word/document.xml']);
  expect(xml).toContain('关于改善农村寄宿制学校条件的建议');
  expect(xml).toContain('部分农村寄宿制学校宿舍拥挤。');
  expect(xml).toContain('联名人：赵敏');
  expect(xml).toContain('会宁县教育局（主办，A 类：所提问题已经解决或采纳）：已列入年度计划 &amp; 秋季前完成。');
  expect(strFromU8(parts['[Content_Types].xml'])).toContain('wordprocessingml.document.main+xml');
});
