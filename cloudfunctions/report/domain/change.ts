/**
 * The one way a report moves: the machine says whether the action is allowed from the status the
 * caller saw, and the update applies only while the report is still in that status at that desk,
 * so two deciders cannot both pass and a refused call writes nothing.
 */
import type { Report, ReportAction, ReportStatus } from '@lxq/types';
import { changeReportWhere, getReport, type ReportChange } from '../../shared/data/reports';
import { AppError, invalidState, notFound } from '../../shared/errors';
import { alreadyChanged, changeMark } from '../../shared/rewind';
import { nextStatus, refusal } from './machine';

export function allowedOrThrow(r: Report, action: ReportAction): ReportStatus {
  const to = nextStatus(r.status, action);
  if (!to) throw invalidState(refusal(r.status, action));
  return to;
}

export async function moveReport(
  r: Report,
  action: ReportAction,
  now: Date,
  change: ReportChange = {},
): Promise<Report> {
  const to = allowedOrThrow(r, action);
  const set = { ...(change.set ?? {}), status: to, updatedAt: now };
  // This request made the change before it died (the report was loaded as it found it): go on from there.
  if (!alreadyChanged(r)) {
    const marked = { ...set, ...changeMark(r, set, change.push) };
    const applied = await changeReportWhere(
      r._id,
      { status: r.status, atUnitId: r.atUnitId },
      { ...change, set: marked },
    );
    if (!applied) throw await whyNot(r, action);
  }
  const after = { ...r, ...set } as Report;
  for (const [field, items] of Object.entries(change.push ?? {})) {
    if (items?.length)
      (after as unknown as Record<string, unknown[]>)[field] = [...((r as never)[field] ?? []), ...items];
  }
  return after;
}

async function whyNot(r: Report, action: ReportAction): Promise<AppError> {
  const now = await getReport(r._id);
  if (!now) return notFound('社情民意信息不存在或已删除');
  if (!nextStatus(now.status, action)) return invalidState(refusal(now.status, action));
  return invalidState('该信息刚被他人处理过，请刷新后再试');
}
