/**
 * The report's life (issue 15): the author drafts and submits to their unit's desk; the desk
 * holding it edits, returns it with comments, forwards it up, adopts or rejects it; an adopted
 * report may go further up and receive 批示. Anything not in this table is INVALID_STATE.
 */
import { REPORT_ACTION_LABELS, REPORT_STATUS_LABELS, type ReportAction, type ReportStatus } from '@lxq/types';

const TABLE: Record<ReportStatus, Partial<Record<ReportAction, ReportStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  returned: { edit: 'returned', submit: 'submitted' },
  submitted: { edit: 'submitted', return: 'returned', forward: 'submitted', adopt: 'adopted', reject: 'rejected' },
  adopted: { forward: 'submitted', instruct: 'adopted' },
  rejected: {},
};

/** Who acts: the author on their draft, the desk holding it on everything after submission. */

export const byAuthor = (status: ReportStatus, action: ReportAction) =>
  action === 'submit' || (action === 'edit' && (status === 'draft' || status === 'returned'));

export function nextStatus(from: ReportStatus, action: ReportAction): ReportStatus | null {
  return TABLE[from][action] ?? null;
}

export function refusal(from: ReportStatus, action: ReportAction): string {
  return `该信息${REPORT_STATUS_LABELS[from]}，不能${REPORT_ACTION_LABELS[action]}`;
}
