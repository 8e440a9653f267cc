import { REPORT_ACTIONS, REPORT_STATUSES, type ReportAction, type ReportStatus } from '@lxq/types';
import { byAuthor, nextStatus, refusal } from '../../cloudfunctions/report/domain/machine';
import { redact } from '../../cloudfunctions/shared/redact';
import { toFigures } from '../../cloudfunctions/report/domain/figures';

/** Issue 15's flow, written out independently of the table under test. */
const LEGAL: Record<ReportAction, Partial<Record<ReportStatus, ReportStatus>>> = {
  edit: { draft: 'draft', returned: 'returned', submitted: 'submitted' },
  submit: { draft: 'submitted', returned: 'submitted' },
  return: { submitted: 'returned' },
  // Forwarded up, it waits at the next desk; an adopted one may still go further.
  forward: { submitted: 'submitted', adopted: 'submitted' },
  adopt: { submitted: 'adopted' },
  reject: { submitted: 'rejected' },
  instruct: { adopted: 'adopted' },
};

describe.each(REPORT_STATUSES.flatMap((s) => REPORT_ACTIONS.map((a) => [s, a] as const)))('%s × %s', (from, action) => {
  const to = LEGAL[action][from] ?? null;
  test(
    to ? `when ${action} on ${from}, then it becomes ${to}` : `when ${action} on ${from}, then it is refused`,
    () => {
      expect(nextStatus(from, action)).toBe(to);
      if (!to) expect(refusal(from, action)).toMatch(/^该信息.+，不能.+$/);
    },
  );
});

test('when a report is edited, then the author edits drafts and returned ones, the desk edits what it received', () => {
  expect(byAuthor('draft', 'edit')).toBe(true);
  expect(byAuthor('returned', 'edit')).toBe(true);
  expect(byAuthor('submitted', 'edit')).toBe(false);
  expect(byAuthor('draft', 'submit')).toBe(true);
  for (const a of ['return', 'forward', 'adopt', 'reject', 'instruct'] as const)
    expect(byAuthor('submitted', a)).toBe(false);
});

test('when text carries personal data, then phones, ID numbers, door numbers and named contacts go and the matter stays', () => {
  const out = redact(
    '张建国（电话 139-0943-1234，身份证620422198805061234）住会师镇东关村3号楼2单元501室，座机0943-3221234，反映供暖不热。',
    ['张建国'],
  );
  expect(out).not.toMatch(/1390943|620422|0943-3221234|501|张建国/);
  expect(out).toContain('张某（');
  expect(out).toContain('[电话已隐去]');
  expect(out).toContain('[身份证号已隐去]');
  expect(out).toContain('会师镇东关村××号');
  expect(out).toContain('反映供暖不热');
  expect(redact('今年收购价比去年低了30%，种植户损失2万元。')).toBe('今年收购价比去年低了30%，种植户损失2万元。');
});

test('when a year is counted, then adoptions add up per level and per member, sector and unit', () => {
  const row = (authorId: string, sectorId: string | null, unitId: string, adopted: number, city: number) => ({
    authorId,
    authorName: authorId,
    sectorId,
    unitId,
    submitted: 2,
    adopted,
    county: adopted,
    city,
    province: 0,
    national: 0,
    instructed: city,
  });
  const f = toFigures(2026, [row('a', 's1', 'u1', 1, 1), row('b', 's1', 'u1', 2, 0), row('c', null, 'u2', 0, 0)], {
    sectors: new Map([['s1', '教育界']]),
    units: new Map([
      ['u1', '会宁'],
      ['u2', '靖远'],
    ]),
  });
  expect(f).toMatchObject({
    submitted: 6,
    adopted: 3,
    instructed: 1,
    adoptedByLevel: { county: 3, city: 1, province: 0 },
  });
  expect(f.bySector).toEqual([
    { key: 's1', name: '教育界', submitted: 4, adopted: 3, instructed: 1 },
    { key: '', name: '（无界别）', submitted: 2, adopted: 0, instructed: 0 },
  ]);
  expect(f.byMember.map((m) => m.key)).toEqual(['b', 'a', 'c']);
  expect(f.byUnit.map((u) => [u.name, u.submitted])).toEqual([
    ['会宁', 4],
    ['靖远', 2],
  ]);
});
