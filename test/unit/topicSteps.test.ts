import { TOPIC_ACTIONS, TOPIC_STEPS, type TopicAction, type TopicItem, type TopicStep } from '@lxq/types';
import { allowed, refusal, stepAfter, type TopicState } from '../../cloudfunctions/topic/domain/steps';

/** The eight steps of seed 002, written out independently of the table under test: where each action leads. */
const LEGAL: Record<TopicAction, Partial<Record<TopicStep, TopicStep>>> = {
  record: Object.fromEntries(TOPIC_STEPS.map((s) => [s, s])),
  arrange: { plan: 'plan', research: 'research', meeting: 'meeting' },
  research: { plan: 'plan', research: 'research' },
  advance: {
    collect: 'confirm',
    plan: 'research',
    research: 'meeting',
    meeting: 'publicity',
    publicity: 'decision',
    decision: 'implement',
  },
  back: {
    confirm: 'collect',
    plan: 'confirm',
    research: 'plan',
    meeting: 'research',
    publicity: 'meeting',
    decision: 'publicity',
    implement: 'decision',
  },
  screen: { collect: 'collect', confirm: 'confirm' },
  confirm: { confirm: 'plan' },
  suggest: { meeting: 'meeting' },
  assign: { decision: 'decision' },
  progress: { implement: 'implement' },
  result: { implement: 'implement' },
};

const item = (no: number, extra: Partial<TopicItem> = {}): TopicItem => ({
  no,
  suggestion: `建议${no}`,
  progress: [],
  ...extra,
});
/** A topic at `step` with everything each step needs done (screened clean, lists filled). */
const ready = (step: TopicStep): TopicState => ({
  step,
  closedAt: null,
  screening: { may: ['涉及群众切身利益的民生实事'], mayNot: [], at: new Date(), byName: '甲' },
  items: [item(1, { department: '县住建局' })],
});

describe.each(TOPIC_STEPS.flatMap((s) => TOPIC_ACTIONS.map((a) => [s, a] as const)))('at %s, %s', (step, action) => {
  const to = LEGAL[action][step];
  test(to ? `when allowed, then it leads to ${to}` : 'when not allowed, then it is refused with a reason', () => {
    const t = ready(step);
    expect(allowed(t, action)).toBe(!!to);
    if (to) expect(stepAfter(t, action)).toBe(to);
    else expect(refusal(t, action)).toMatch(/.+/);
  });
  test('when the topic is closed, then nothing is allowed', () => {
    expect(refusal({ ...ready(step), closedAt: new Date() }, action)).toMatch(/已办结/);
  });
});

describe('what a step needs done', () => {
  test('when a topic was never screened, then it cannot be confirmed', () => {
    expect(refusal({ ...ready('confirm'), screening: null }, 'confirm')).toBe('请先对照可协商和不可协商清单审查议题');
  });
  test('when a topic is ticked against a may-not item, then it cannot be confirmed', () => {
    const t = ready('confirm');
    t.screening = { ...t.screening!, mayNot: ['违反宪法和法律法规的事项'] };
    expect(refusal(t, 'confirm')).toBe('议题属于不可协商事项（违反宪法和法律法规的事项），不能确定');
  });
  test('when a topic falls under no may item, then it cannot be confirmed', () => {
    const t = ready('confirm');
    t.screening = { ...t.screening!, may: [] };
    expect(refusal(t, 'confirm')).toBe('议题须至少属于一项可协商事项');
  });
  test('when the meeting is already arranged, then a second one is refused', () => {
    expect(refusal({ ...ready('research'), meeting: { noticeId: 'n1' } }, 'arrange')).toBe('本议题已安排协商会议');
  });
  test('when the meeting agreed no suggestion yet, then it cannot move on', () => {
    expect(refusal({ ...ready('meeting'), items: [] }, 'advance')).toBe('请先整理协商建议清单');
  });
  test('when a suggestion has no responsible department, then 组织决定 cannot move on', () => {
    expect(refusal({ ...ready('decision'), items: [item(1, { department: '县住建局' }), item(2)] }, 'advance')).toBe(
      '第 2 条建议尚未落实责任单位',
    );
  });
  test('when at 议题确定 or 跟踪落实, then advancing says what moves it instead', () => {
    expect(refusal(ready('confirm'), 'advance')).toBe('议题确定须先对照清单审查并确定议题');
    expect(refusal(ready('implement'), 'advance')).toBe('跟踪落实在每项建议都反馈结果后自动办结');
  });
});
