/**
 * What each table exports: its sheet, Chinese headers and widths, how many rows its filter
 * matches, and a chunk of those rows as cells, read in the table's own order. A table joins the
 * one export mechanism by adding its source here and its filter to exportJob.start's input.
 */
import type { ExportJob, ExportKind } from '@lxq/types';
import type { Cell, Sheet } from '../../shared/xlsx';
import { concernsSource } from './sourceConcerns';
import { liaisonSource } from './sourceLiaison';
import { leavesSource, workstationsSource } from './sourceDuty';
import { invitationsSource } from './sourceAccount';
import { receptionsSource, rosterSource } from './sourceRoster';
import { receiptsSource } from './sourceNotice';
import { assessmentSource } from './sourceAssessment';

export interface Source {
  sheet: string;
  header: string[];
  widths: number[];
  /** Rows the filter matches in the unit's subtree. */
  count(job: ExportJob): Promise<number>;
  /** Rows `skip` to `skip + limit` (limit ≤ 1000) as cells. */
  rows(job: ExportJob, skip: number, limit: number): Promise<Cell[][]>;
  /** What the file is named after when not the unit: the station, the notice. */
  subject?(job: ExportJob): Promise<string>;
  /** Sheets made whole when the workbook is joined (a summary beside the rows). */
  extraSheets?(job: ExportJob): Promise<Sheet[]>;
}

export const SOURCES: Record<ExportKind, Source> = {
  concerns: concernsSource,
  liaison: liaisonSource,
  leaves: leavesSource,
  workstations: workstationsSource,
  invitations: invitationsSource,
  roster: rosterSource,
  receptions: receptionsSource,
  receipts: receiptsSource,
  assessment: assessmentSource,
};
