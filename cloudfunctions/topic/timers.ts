/**
 * The daily follow-up (跟踪落实): items past their deadline without a result are flagged overdue
 * on their topic, and the topic's responsible people are reminded (inbox and push), once a day
 * per topic and person: the inbox id carries the China day, so a retried trigger sends nothing twice.
 * Then the members with a research task (议前调研) past its due day are reminded the same way.
 */
import { TOPIC_STEP_LABELS } from '@lxq/types';
import { changeTopicWhere, dueTopics } from '../shared/data/topics';
import { inChina } from '../shared/time';
import { remindOverdue } from './domain/remind';
import { remindOverdueResearch } from './domain/researchDue';

export async function dailyFollowUp(now: Date) {
  const today = inChina(now).format('YYYY-MM-DD');
  const topics = await dueTopics(now);
  let flagged = 0;
  let reminded = 0;
  for (const t of topics) {
    const late = t.items.filter((i) => !i.result && i.deadline && i.deadline < today);
    if (!late.length) continue;
    const set = Object.fromEntries(
      t.items
        .map((i, k) => [k, i] as const)
        .filter(([, i]) => late.includes(i))
        .map(([k]) => [`items.${k}.overdue`, true]),
    );
    await changeTopicWhere(t._id, { step: 'implement', closedAt: null }, { set });
    flagged += late.length;
    for (const p of t.responsible) {
      if (!p.openid) continue;
      await remindOverdue(
        {
          id: `topic-overdue:${t._id}:${today}:${p.openid}`,
          openid: p.openid,
          title: '协商议题有事项超期未反馈',
          body: `「${t.title}」${TOPIC_STEP_LABELS.implement}中有 ${late.length} 项超过完成时限（第 ${late.map((i) => i.no).join('、')} 条），请督促责任单位反馈结果`,
          page: `staff/topic/detail?id=${t._id}`,
          refId: t._id,
          thing: t.title,
          state: `${late.length} 项超期未反馈`,
        },
        now,
      );
      reminded += 1;
    }
  }
  const research = await remindOverdueResearch(now, today);
  return { topics: topics.length, flagged, reminded, research };
}
