/** The exportJob function's actions: one export mechanism for every staff table. */
import { z } from '../zod';
import { EXPORT_KINDS, type ExportJobStatus, type ExportKind } from '../domain/exportJob';
import { concernExportQueue } from './concern';
import { liaisonExport } from './liaison';
import { dutyListLeaves, dutyStationSpan } from './duty';
import { accountListInvitations } from './account';
import { noticeFollowUp } from './notice';
import { workstationListFilter } from './org';
import { id } from './fields';
import { assessmentFreeze, assessmentMembers } from './assessment';

export interface ExportJobView {
  _id: string;
  kind: ExportKind;
  status: ExportJobStatus;
  total: number;
  done: number;
  fileName: string;
  /** A temporary link to the workbook once done. */
  url: string | null;
  error: string | null;
}

/** Tables that are always one station's or one notice's: their filter names it. */
const NEEDS_FILTER: readonly ExportKind[] = ['roster', 'receptions', 'receipts'];

/** Starts exporting a table exactly as filtered; a small one is done in this call. */
export const exportJobStart = {
  // The filter rides under the table's own key (the table's export input), not as a union:
  // what the kind names is what is read; an absent filter is the whole table.
  input: z
    .object({
      kind: z.enum(EXPORT_KINDS, { error: '不支持导出这张表' }),
      concerns: concernExportQueue.input.optional(),
      liaison: liaisonExport.input.optional(),
      leaves: dutyListLeaves.input.pick({ status: true, q: true }).optional(),
      workstations: workstationListFilter.pick({ q: true }).optional(),
      invitations: accountListInvitations.input.pick({ status: true, q: true }).optional(),
      roster: dutyStationSpan.optional(),
      receptions: dutyStationSpan.optional(),
      receipts: z.object({ noticeId: id('通知'), filter: noticeFollowUp.input.shape.filter }).optional(),
      /** A frozen quarter's member list, by sector, as filtered on screen. */
      assessment: assessmentFreeze.input
        .pick({ year: true, quarter: true })
        .extend(assessmentMembers.input.pick({ sector: true, short: true }).shape)
        .optional(),
    })
    .refine((v) => !NEEDS_FILTER.includes(v.kind) || v[v.kind] !== undefined, {
      message: '请先选择要导出的工作站和日期，或通知',
      path: ['kind'],
    })
    .refine((v) => v.kind !== 'assessment' || v.assessment !== undefined, {
      message: '请先选择要导出的季度',
      path: ['kind'],
    }),
  result: {} as ExportJobView,
};

/** How far an export is ("已导出 3,200 / 12,000"), and its link when done. */
export const exportJobStatus = {
  input: z.object({ id: id('导出任务') }),
  result: {} as ExportJobView,
};
