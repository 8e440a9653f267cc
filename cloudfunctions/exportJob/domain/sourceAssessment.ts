import type { ActionParsed, AssessmentSnapshot, ExportJob } from '@lxq/types';
import { getSnapshot, readPages, snapshotId } from '../../shared/data/assessmentSnapshots';
import { invalidState } from '../../shared/errors';
import { lineCells, lineHeader, lineWidths } from '../../assessment/domain/exportRows';
import { frozenWindow, windowOf, type LineFilter } from '../../assessment/domain/lines';
import { askedPeriod, periodLabel } from '../../assessment/domain/period';
import type { Source } from './sources';

type Asked = NonNullable<ActionParsed<'exportJob.start'>['assessment']>;

/** The job's frozen quarter of the caller's subtree; a quarter not frozen is exported live, on its page. */
async function frozenOf(job: ExportJob): Promise<{ snap: AssessmentSnapshot; filter: LineFilter }> {
  const { year, quarter, sector, short } = job.filter as Asked;
  const label = periodLabel(askedPeriod({ year, quarter }, job.createdAt));
  const snap = await getSnapshot(snapshotId(job.unitId, year, quarter));
  if (snap?.status !== 'frozen') throw invalidState(`${label}尚未冻结：实时数字请在委员考核页直接导出`);
  return { snap, filter: { sector, short } };
}

/** Lines `from` to `to` in the list's order: only those read, or every page of a snapshot frozen before the tally was kept. */
async function windowAt(snap: AssessmentSnapshot, filter: LineFilter, from: number, to: number) {
  return (
    (await frozenWindow(snap, filter, from, to)) ??
    windowOf(await readPages(snap._id, snap.pages), 'sector', filter, from, to)
  );
}

/**
 * 委员考核 of a frozen quarter, by sector as on screen (filtered by sector or 只看未达标): a
 * province's hundred thousand lines are read a chunk at a time, each chunk only its own lines
 * (lines.ts frozenWindow), never every snapshot page at once.
 */
export const assessmentSource: Source = {
  sheet: '委员考核',
  header: lineHeader('sector'),
  widths: lineWidths(),
  async count(job) {
    const { snap, filter } = await frozenOf(job);
    return (await windowAt(snap, filter, 0, 0)).total;
  },
  async rows(job, skip, limit) {
    const { snap, filter } = await frozenOf(job);
    const w = await windowAt(snap, filter, skip, skip + limit);
    return w.groups.flatMap((g) => g.members.map((m) => lineCells(g.name, m)));
  },
};
