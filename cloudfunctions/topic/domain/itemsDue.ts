/**
 * 跟踪落实 overdue: the items of a topic past their deadline without a result are flagged overdue on
 * it, and the topic's responsible people are reminded once a day (the inbox id keeps the id it
 * always had: topic, China day, person), paged and resumable like 议前调研 (remindPages.ts).
 */
import { TOPIC_STEP_LABELS, type Topic } from '@lxq/types';
import { changeTopicWhere, markTopicsReminded, overdueTopicsToRemind } from '../../shared/data/topics';
import type { OverdueReminder } from './remind';
import { remindInPages } from './remindPages';

export async function remindOverdueItems(now: Date, today: string, stopAt: number) {
  let flagged = 0;
  async function tell(t: Topic): Promise<OverdueReminder[]> {
    const late = t.items.flatMap((i, k) => (!i.result && i.deadline && i.deadline < today ? [{ i, k }] : []));
    if (!late.length) return [];
    const set = Object.fromEntries(late.map(({ k }) => [`items.${k}.overdue`, true]));
    await changeTopicWhere(t._id, { step: 'implement', closedAt: null }, { set });
    flagged += late.length;
    const nos = late.map(({ i }) => i.no).join('、');
    return t.responsible.flatMap((p) =>
      p.openid
        ? [
            {
              id: `topic-overdue:${t._id}:${today}:${p.openid}`,
              openid: p.openid,
              title: '协商议题有事项超期未反馈',
              body: `「${t.title}」${TOPIC_STEP_LABELS.implement}中有 ${late.length} 项超过完成时限（第 ${nos} 条），请督促责任单位反馈结果`,
              page: `staff/topic/detail?id=${t._id}`,
              refId: t._id,
              thing: t.title,
              state: `${late.length} 项超期未反馈`,
            },
          ]
        : [],
    );
  }
  const { overdue, reminded } = await remindInPages(
    {
      next: (limit, skip) => overdueTopicsToRemind(now, today, limit, skip),
      tell,
      markReminded: (ids) => markTopicsReminded(ids, today),
    },
    now,
    stopAt,
  );
  return { topics: overdue, flagged, reminded };
}
