/**
 * 议前调研 overdue: every open task past its due day reminds its member once a day, through the
 * same path as overdue 责任落实清单 items. Pages of PAGE, CONCURRENCY at a time, until the time
 * budget is spent: each task is marked reminded for the day right after its page is told, so a run
 * cut short (or retried) goes on with the tasks not told yet, and the inbox id keeps a task that
 * was told but not marked from being told twice.
 */
import { markResearchReminded, overdueResearchToRemind } from '../../shared/data/topicParticipation';
import { remindOverdue } from './remind';

const PAGE = 100;
const CONCURRENCY = 10;
/** Leaves the rest of the function's 10 s to the items' follow-up and a margin. */
const BUDGET_MS = 5_000;

export async function remindOverdueResearch(now: Date, today: string) {
  const stopAt = Date.now() + BUDGET_MS;
  let overdue = 0;
  let reminded = 0;
  while (Date.now() < stopAt) {
    const page = await overdueResearchToRemind(today, PAGE);
    overdue += page.length;
    for (let i = 0; i < page.length; i += CONCURRENCY) {
      const told = await Promise.all(
        page.slice(i, i + CONCURRENCY).map((t) =>
          t.openid
            ? remindOverdue(
                {
                  id: `topic-research-overdue:${t._id}:${today}`,
                  openid: t.openid,
                  title: '议前调研任务已超期',
                  body: `「${t.topicTitle}」：${t.task}，完成时限 ${t.dueOn} 已过，请尽快完成并填写调研情况。`,
                  page: '/member/topic/index',
                  refId: t._id,
                  thing: t.topicTitle,
                  state: '议前调研已超期',
                },
                now,
              ).then(
                // 'skipped' here means told before today: the inbox item already exists.
                (outcome) => outcome !== 'skipped',
                (err) => (console.error('[remindOverdueResearch]', err), false),
              )
            : false,
        ),
      );
      reminded += told.filter(Boolean).length;
    }
    await markResearchReminded(
      page.map((t) => t._id),
      today,
    );
    if (page.length < PAGE) break;
  }
  return { overdue, reminded };
}
