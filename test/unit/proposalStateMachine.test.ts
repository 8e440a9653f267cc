import { PROPOSAL_ACTIONS, PROPOSAL_STATUSES, type ProposalAction, type ProposalStatus } from '@lxq/types';
import { next, refusal } from '../../cloudfunctions/proposal/domain/stateMachine';

/** The life cycle of PRODUCT.md §7 and issue 15, written out independently of the table under test. */
const LEGAL: Record<ProposalAction, Partial<Record<ProposalStatus, ProposalStatus>>> = {
  submit: { draft: 'submitted' },
  file: { submitted: 'filed' },
  reject: { submitted: 'not_filed' },
  merge: { submitted: 'merged' },
  assign: { filed: 'assigned' },
  // The 主办 unit returns a misrouted proposal: back to staff to hand out again.
  unassign: { assigned: 'filed' },
  answer: { assigned: 'answered', rehandling: 'answered' },
  rate: { answered: 'closed' },
  rateBad: { answered: 'rehandling' },
};

const cases = PROPOSAL_STATUSES.flatMap((s) => PROPOSAL_ACTIONS.map((a) => [s, a] as const));

test.each(cases)('when a %s proposal meets %s, then it moves only as the life cycle allows', (status, action) => {
  const expected = LEGAL[action][status] ?? null;
  expect(next(status, action)).toBe(expected);
  if (!expected) expect(refusal(status, action)).toMatch(/^提案当前为「.+」，不能.+$/);
});

test('when a proposal is closed, not filed or merged, then nothing moves it any more', () => {
  for (const s of ['closed', 'not_filed', 'merged'] as const) {
    expect(PROPOSAL_ACTIONS.filter((a) => next(s, a))).toEqual([]);
  }
});
