/**
 * 议前调研 overdue: every open task past its due day reminds its member once a day, paged and
 * resumable like the overdue 责任落实清单 items (remindPages.ts).
 */
import { markResearchReminded, overdueResearchToRemind } from '../../shared/data/topicParticipation';
import { remindInPages } from './remindPages';

export const remindOverdueResearch = (now: Date, today: string, stopAt: number) =>
  remindInPages(
    {
      next: (limit, skip) => overdueResearchToRemind(today, limit, skip),
      tell: async (t) =>
        t.openid
          ? [
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
            ]
          : [],
      markReminded: (ids) => markResearchReminded(ids, today),
    },
    now,
    stopAt,
  );
