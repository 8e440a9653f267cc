import { PROPOSAL_STATUS_LABELS, type ProposalAction, type ProposalStatus } from '@lxq/types';

/**
 * Every legal move of a proposal; anything not listed is refused with INVALID_STATE before a write.
 * A 主办 unit's 退回 of a misrouted proposal (unassign) puts it back for staff to hand out again.
 */
const MOVES: Partial<Record<ProposalStatus, Partial<Record<ProposalAction, ProposalStatus>>>> = {
  draft: { submit: 'submitted' },
  submitted: { file: 'filed', reject: 'not_filed', merge: 'merged' },
  filed: { assign: 'assigned' },
  assigned: { answer: 'answered', unassign: 'filed' },
  rehandling: { answer: 'answered' },
  answered: { rate: 'closed', rateBad: 'rehandling' },
};

export function next(from: ProposalStatus, action: ProposalAction): ProposalStatus | null {
  return MOVES[from]?.[action] ?? null;
}

const VERBS: Record<ProposalAction, string> = {
  submit: '提交',
  file: '立案',
  reject: '不予立案',
  merge: '并案',
  assign: '交办',
  unassign: '退回',
  answer: '答复',
  rate: '评价',
  rateBad: '评价',
};

/** The Chinese refusal for an illegal move. */
export function refusal(from: ProposalStatus, action: ProposalAction): string {
  return `提案当前为「${PROPOSAL_STATUS_LABELS[from]}」，不能${VERBS[action]}`;
}
