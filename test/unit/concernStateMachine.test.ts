process.env.TZ = 'UTC';
import {
  CONCERN_ACTIONS,
  CONCERN_STATUSES,
  OVERDUE_COUNT_CAP,
  overdueLabel,
  type ConcernAction,
  type ConcernStatus,
} from '@lxq/types';
import { allowed, deadlineIn, next, refusal } from '../../cloudfunctions/shared/concerns/stateMachine';
import { acceptDue, quarterOf, replyDue } from '../../cloudfunctions/shared/concerns/deadlines';
import { bucketsFor, statusDelta, sumBuckets } from '../../cloudfunctions/shared/concerns/counters';

/** The life cycle of PRODUCT.md §3, written out independently of the table under test. */
const LEGAL: Record<ConcernAction, Partial<Record<ConcernStatus, ConcernStatus>>> = {
  submit: {},
  accept: { submitted: 'accepted' },
  reject: { submitted: 'rejected' },
  duplicate: { submitted: 'duplicate', accepted: 'duplicate' },
  assign: { accepted: 'assigned', assigned: 'assigned', in_progress: 'assigned' },
  start: { assigned: 'in_progress' },
  reply: { in_progress: 'replied' },
  reopen: { replied: 'in_progress', closed: 'in_progress' },
  close: { replied: 'closed' },
  rate: { replied: 'replied', closed: 'closed' },
  note: Object.fromEntries(CONCERN_STATUSES.map((s) => [s, s])),
  link: {
    accepted: 'accepted',
    assigned: 'assigned',
    in_progress: 'in_progress',
    replied: 'replied',
    closed: 'closed',
  },
  withdraw: { submitted: 'withdrawn' },
};

const cases = CONCERN_ACTIONS.flatMap((action) => CONCERN_STATUSES.map((status) => [action, status] as const));

test.each(cases)(
  'when %s is tried on a %s concern, then it leads where the life cycle says or is refused',
  (action, status) => {
    const expected = LEGAL[action][status] ?? null;
    expect(next(status, action)).toBe(expected);
    expect(allowed(status, action)).toBe(expected !== null);
    if (expected === null) expect(refusal(status, action)).toMatch(/^该诉求当前状态为「.+」，不能.+$/);
  },
);

test('when a concern is answered, rejected or merged, then no deadline runs; while open, one does', () => {
  expect(deadlineIn('submitted')).toBe('accept');
  for (const s of ['accepted', 'assigned', 'in_progress'] as const) expect(deadlineIn(s)).toBe('reply');
  for (const s of ['replied', 'closed', 'rejected', 'duplicate'] as const) expect(deadlineIn(s)).toBeNull();
});

test('when a concern arrives before the National Day holiday, then its accept deadline skips the holiday (China time)', () => {
  // 2026-09-30 18:00 in Shanghai is 10:00 UTC; three working days later is after the holiday week.
  const due = acceptDue(new Date('2026-09-30T10:00:00Z'));
  expect(due.toISOString()).toBe('2026-10-10T15:59:59.999Z');
  // Submitted at 01:00 on 1 April in Shanghai (still 31 March in UTC): counted from 1 April.
  expect(replyDue(new Date('2026-03-31T17:00:00Z')).toISOString()).toBe('2026-04-16T15:59:59.999Z');
  expect(quarterOf(new Date('2026-03-31T17:00:00Z'))).toBe('2026Q2');
});

test('when a status changes, then its bucket moves one from the old count to the new', () => {
  expect(statusDelta('submitted', 'accepted')).toEqual({ 'counts.submitted': -1, 'counts.accepted': 1 });
  expect(statusDelta('assigned', 'assigned')).toEqual({});
  const at = new Date('2026-02-01T00:00:00Z');
  const base = { unitId: 'u1', unitPath: ['u0', 'u1'], workstationId: null, workstationName: null } as const;
  const buckets = bucketsFor(
    [
      { ...base, _id: 'a', status: 'submitted', createdAt: at },
      { ...base, _id: 'b', status: 'closed', createdAt: at },
    ] as never,
    [],
  );
  expect(sumBuckets(buckets, '2026Q1')).toMatchObject({
    counts: { submitted: 1, closed: 1 },
    quarter: { collected: 2 },
  });
});

test('when more concerns are overdue than the queue counts, then it shows 99+', () => {
  expect([0, 7, 99, 100].map(overdueLabel)).toEqual(['0', '7', '99', '99+']);
  expect(OVERDUE_COUNT_CAP).toBe(100);
});
