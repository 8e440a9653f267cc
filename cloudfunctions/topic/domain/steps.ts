/**
 * The eight steps of a topic (seed 002 陇西 "八步议事法") as one table: for each action, the steps
 * it may be taken in. A topic moves forward one step at a time (议题确定 is left only by confirming
 * it, 跟踪落实 only by the last result), back one step with a reason, and a closed topic takes
 * nothing. Everything that changes a topic asks `refusal()` first; a refused action is
 * INVALID_STATE and writes nothing.
 *
 *   议题收集 ─advance→ 议题确定 ─confirm→ 制定方案 ─advance→ 议前调研 ─advance→ 协商议事 ─advance→
 *   公开公示 ─advance→ 组织决定 ─advance→ 跟踪落实 ─(every item has a result)→ closed
 */
import {
  TOPIC_ACTION_LABELS,
  TOPIC_STEPS,
  TOPIC_STEP_LABELS,
  stepIndex,
  type TopicAction,
  type TopicItem,
  type TopicScreening,
  type TopicStep,
} from '@lxq/types';

const ALL = TOPIC_STEPS;

export const STEPS_OF: Record<TopicAction, readonly TopicStep[]> = {
  record: ALL,
  // The meeting is arranged while the plan is made, or later up to the meeting itself; research before it.
  arrange: ['plan', 'research', 'meeting'],
  research: ['plan', 'research'],
  // 议题确定 moves on by `confirm` (screened, body and date recorded); 跟踪落实 ends by its results.
  advance: ['collect', 'plan', 'research', 'meeting', 'publicity', 'decision'],
  back: ALL.filter((s) => s !== 'collect'),
  screen: ['collect', 'confirm'],
  confirm: ['confirm'],
  suggest: ['meeting'],
  assign: ['decision'],
  progress: ['implement'],
  result: ['implement'],
};

/** What the state machine looks at: the step, whether it is closed, and what each step needs done. */
export interface TopicState {
  step: TopicStep;
  closedAt: Date | null;
  screening: TopicScreening | null;
  items: TopicItem[];
  /** Set once the meeting is arranged (one meeting per topic). */
  meeting?: object | null;
}

export const nextStep = (s: TopicStep): TopicStep | null => TOPIC_STEPS[stepIndex(s) + 1] ?? null;
export const previousStep = (s: TopicStep): TopicStep | null =>
  s === 'collect' ? null : TOPIC_STEPS[stepIndex(s) - 1];

/** Why `action` cannot be taken on the topic now, in words for the person who tried; null when it can. */
export function refusal(t: TopicState, action: TopicAction): string | null {
  const what = TOPIC_ACTION_LABELS[action];
  if (t.closedAt) return `议题已办结，不能再${what}`;
  if (!STEPS_OF[action].includes(t.step)) {
    if (action === 'advance' && t.step === 'confirm') return '议题确定须先对照清单审查并确定议题';
    if (action === 'advance' && t.step === 'implement') return '跟踪落实在每项建议都反馈结果后自动办结';
    return `议题处于「${TOPIC_STEP_LABELS[t.step]}」，不能${what}`;
  }
  if (action === 'arrange' && t.meeting) return '本议题已安排协商会议';
  if (action === 'confirm') {
    if (!t.screening) return '请先对照可协商和不可协商清单审查议题';
    if (t.screening.mayNot.length) return `议题属于不可协商事项（${t.screening.mayNot[0]}），不能确定`;
    if (!t.screening.may.length) return '议题须至少属于一项可协商事项';
  }
  if (action === 'advance' && t.step === 'meeting' && !t.items.length) return '请先整理协商建议清单';
  if (action === 'advance' && t.step === 'decision') {
    const open = t.items.find((i) => !i.department);
    if (open) return `第 ${open.no} 条建议尚未落实责任单位`;
  }
  return null;
}

export const allowed = (t: TopicState, action: TopicAction) => refusal(t, action) === null;

/** The step an allowed action leads to. */
export function stepAfter(t: TopicState, action: TopicAction): TopicStep {
  if (action === 'advance' || action === 'confirm') return nextStep(t.step) ?? t.step;
  if (action === 'back') return previousStep(t.step) ?? t.step;
  return t.step;
}
