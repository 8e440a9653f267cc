/**
 * Seed 001's figures for a unit and period: topics by source and form, consultations held,
 * participations, items on each list, items done on time, topics closed with every item solved.
 */
import { TOPIC_FORMS, TOPIC_SOURCES, stepIndex, type Topic, type TopicFigures, type TopicItem } from '@lxq/types';
import { inChina } from '../../shared/time';

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Done by the end of its deadline's China day. */
export const onTime = (i: TopicItem) =>
  !!i.result && !!i.resultAt && !!i.deadline && inChina(i.resultAt).format('YYYY-MM-DD') <= i.deadline;

/** `participations` is counted by the database (participations.ts): it reads rows not loaded here. */
export function figuresOf(topics: Topic[], from: string, to: string, participations: number): TopicFigures {
  const f: TopicFigures = {
    from,
    to,
    topics: topics.length,
    bySource: zero(TOPIC_SOURCES),
    byForm: zero(TOPIC_FORMS),
    consultations: 0,
    participations,
    suggestions: 0,
    assigned: 0,
    withResult: 0,
    onTime: 0,
    solved: 0,
  };
  for (const t of topics) {
    f.bySource[t.source] += 1;
    f.byForm[t.form] += 1;
    if (stepIndex(t.step) > stepIndex('meeting')) f.consultations += 1;
    f.suggestions += t.items.length;
    f.assigned += t.items.filter((i) => !!i.department).length;
    f.withResult += t.items.filter((i) => !!i.result).length;
    f.onTime += t.items.filter(onTime).length;
    if (t.closedAt) f.solved += 1;
  }
  return f;
}
