/**
 * The daily timer's one way through a backlog of overdue things (责任落实清单 items and 议前调研
 * tasks alike): pages of PAGE rows not yet reminded today, CONCURRENCY rows at a time, until the
 * time budget is spent. A page's rows are marked reminded for the day right after they are told, so
 * a run cut short (or retried) goes on with the rows not told yet, and the inbox id (carrying the
 * day) keeps a row told but not marked from being told twice. A row whose telling failed stays
 * unmarked and is left out for the rest of the run: the next run tries it again.
 */
import { remindOverdue, type OverdueReminder } from './remind';

export interface OverdueSource<T extends { _id: string }> {
  /** Up to `limit` rows overdue and not reminded today, without those in `skip`, oldest first. */
  next(limit: number, skip: string[]): Promise<T[]>;
  /** Whom to tell about a row, after any work on the row itself (flagging it); none when no one. */
  tell(row: T): Promise<OverdueReminder[]>;
  markReminded(ids: string[]): Promise<void>;
}

/** Tests lower it (LXQ_REMIND_PAGE) to walk several pages with a handful of rows. */
const pageSize = () => Number(process.env.LXQ_REMIND_PAGE) || 100;
const CONCURRENCY = 10;

export async function remindInPages<T extends { _id: string }>(source: OverdueSource<T>, now: Date, stopAt: number) {
  const page = pageSize();
  const failed: string[] = [];
  let overdue = 0;
  let reminded = 0;
  while (Date.now() < stopAt) {
    const rows = await source.next(page, failed);
    overdue += rows.length;
    const told: string[] = [];
    for (let i = 0; i < rows.length; i += CONCURRENCY) {
      await Promise.all(
        rows.slice(i, i + CONCURRENCY).map(async (row) => {
          try {
            for (const r of await source.tell(row)) {
              // 'skipped' means told before today's mark: the inbox item already exists.
              if ((await remindOverdue(r, now)) !== 'skipped') reminded += 1;
            }
            told.push(row._id);
          } catch (err) {
            console.error('[remindInPages]', row._id, err);
            failed.push(row._id);
          }
        }),
      );
    }
    await source.markReminded(told);
    // A page where nothing went through is not a row's fault: leave the rest to the next run.
    if (rows.length < page || !told.length) break;
  }
  return { overdue, reminded };
}
