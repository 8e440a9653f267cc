/**
 * The daily follow-up (跟踪落实): overdue 责任落实清单 items are flagged on their topic and its
 * responsible people reminded, then the members with a research task (议前调研) past its due day;
 * each at most once a day, paged and resumable (domain/remindPages.ts): the trigger fires hourly
 * 09:00–18:00, so what one run leaves is taken up the same day.
 */
import { inChina } from '../shared/time';
import { remindOverdueItems } from './domain/itemsDue';
import { remindOverdueResearch } from './domain/researchDue';

/** Of the function's 10 s: the items stop by the first mark, the research by the second, a margin left. */
const ITEMS_BUDGET_MS = 3_500;
const BUDGET_MS = 7_000;

export async function dailyFollowUp(now: Date) {
  const today = inChina(now).format('YYYY-MM-DD');
  const start = Date.now();
  const items = await remindOverdueItems(now, today, start + ITEMS_BUDGET_MS);
  const research = await remindOverdueResearch(now, today, start + BUDGET_MS);
  return { ...items, research };
}
