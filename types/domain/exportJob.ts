/** The tables that export through the one export job (exportJob.start). */
export const EXPORT_KINDS = [
  'concerns',
  'liaison',
  'leaves',
  'workstations',
  'invitations',
  'roster',
  'receptions',
  'receipts',
  'assessment',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  concerns: '群众诉求',
  liaison: '联系记录',
  leaves: '请假与调班',
  workstations: '工作站',
  invitations: '邀请码',
  roster: '排班与签到',
  receptions: '值班接待',
  receipts: '通知回执',
  assessment: '委员考核',
};

export type ExportJobStatus = 'running' | 'done' | 'failed';

/**
 * 导出任务: one table exported as filtered, by its staff member. A worker reads a chunk of rows at
 * a time into a part document (export_parts), moving `cursor` and `done`; the last run joins the
 * parts into one workbook. Runs are chained function invocations, each within its time budget.
 */
export interface ExportJob {
  _id: string;
  kind: ExportKind;
  /** The table's filter as the staff member set it (the table's own export input). */
  filter: Record<string, unknown>;
  /** The scope unit the rows come from, and its path (who may see the job). */
  unitId: string;
  unitPath: string[];
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  status: ExportJobStatus;
  /** Rows the filter matched when the job started (the export stops there). */
  total: number;
  done: number;
  /** Parts written so far: the next chunk starts at row `done`. */
  parts: number;
  /** The run working on it until then; another run may take over after. */
  leaseUntil: Date;
  lease: string;
  /** Function runs that have worked on it. */
  runs: number;
  fileName: string;
  fileId: string | null;
  error: string | null;
}
