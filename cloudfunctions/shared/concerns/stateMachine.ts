/**
 * The life cycle of a concern (PRODUCT.md §3) as one table: for each action, the statuses it may
 * start from and the status it leads to ('same' keeps the status). Everything that changes a
 * concern asks this table first; an action not allowed from the current status is INVALID_STATE.
 *
 *   submitted ─accept→ accepted ─assign→ assigned ─start→ in_progress ─reply→ replied ─close→ closed
 *       ├─reject→ rejected                 ▲ reassign            ▲                 │
 *       ├─withdraw→ withdrawn (by its submitter)
 *       └─duplicate→ duplicate (also from accepted)              └──── reopen ─────┘ (also from closed)
 */
import { CONCERN_STATUS_LABELS, type ConcernAction, type ConcernStatus } from '@lxq/types';

export interface Transition {
  from: readonly ConcernStatus[];
  to: ConcernStatus | 'same';
}

export const TRANSITIONS: Record<ConcernAction, Transition> = {
  submit: { from: [], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
  duplicate: { from: ['submitted', 'accepted'], to: 'duplicate' },
  assign: { from: ['accepted', 'assigned', 'in_progress'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  reply: { from: ['in_progress'], to: 'replied' },
  reopen: { from: ['replied', 'closed'], to: 'in_progress' },
  close: { from: ['replied'], to: 'closed' },
  rate: { from: ['replied', 'closed'], to: 'same' },
  note: {
    from: [
      'submitted',
      'accepted',
      'assigned',
      'in_progress',
      'replied',
      'closed',
      'rejected',
      'duplicate',
      'withdrawn',
    ],
    to: 'same',
  },
  link: { from: ['accepted', 'assigned', 'in_progress', 'replied', 'closed'], to: 'same' },
  // The submitter takes it back while no one has accepted it yet.
  withdraw: { from: ['submitted'], to: 'withdrawn' },
};

/** The status after `action` from `status`, or null when the action is not allowed there. */
export function next(status: ConcernStatus, action: ConcernAction): ConcernStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return null;
  return t.to === 'same' ? status : t.to;
}

export const allowed = (status: ConcernStatus, action: ConcernAction) => next(status, action) !== null;

/** Which deadline runs in a status: accept-or-reject while submitted, first reply while in hand. */
export function deadlineIn(status: ConcernStatus): 'accept' | 'reply' | null {
  if (status === 'submitted') return 'accept';
  if (status === 'accepted' || status === 'assigned' || status === 'in_progress') return 'reply';
  return null;
}

/** Why an action is refused, in words for the person who tried. */
export function refusal(status: ConcernStatus, action: ConcernAction): string {
  const what: Record<ConcernAction, string> = {
    submit: '提交',
    accept: '受理',
    reject: '不予受理',
    duplicate: '合并',
    assign: '交办',
    start: '开始办理',
    reply: '答复',
    reopen: '申请重新办理',
    close: '办结',
    rate: '评价',
    note: '添加备注',
    link: '关联',
    withdraw: '撤回',
  };
  return `该诉求当前状态为「${CONCERN_STATUS_LABELS[status]}」，不能${what[action]}`;
}
