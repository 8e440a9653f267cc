/**
 * 协商议题: a consultation topic (PRODUCT.md §6). It is raised from one of six sources, goes
 * through the eight steps of seed 002's 八步议事法 in order, is screened against its unit's
 * may / may-not lists before it is confirmed, and closes with seed 001's three lists: the
 * suggestions agreed (协商建议清单), who carries each out (责任落实清单) and what came of it
 * (结果反馈清单). The three lists live on the topic as one list of items, each growing through the
 * steps, so a topic is read and changed as one document.
 */

import type { TopicMeeting } from './topicMeeting';

export const TOPIC_SOURCES = ['party', 'committees', 'member', 'citizens', 'call', 'online'] as const;
export type TopicSource = (typeof TOPIC_SOURCES)[number];
export const TOPIC_SOURCE_LABELS: Record<TopicSource, string> = {
  party: '党政点题',
  committees: '两委找题',
  member: '委员荐题',
  citizens: '群众出题',
  call: '公开征题',
  online: '网络筛题',
};

export const TOPIC_FORMS = ['sector', 'counterpart', 'micro', 'courtyard', 'remote'] as const;
export type TopicForm = (typeof TOPIC_FORMS)[number];
export const TOPIC_FORM_LABELS: Record<TopicForm, string> = {
  sector: '界别协商',
  counterpart: '对口协商',
  micro: '小微协商',
  courtyard: '小院议事',
  remote: '远程协商',
};

/** What one 参与人次 is, said the same way on the workbench, in the export and by the count. */
export const TOPIC_PARTICIPATION_RULE = '参会签到、完成调研、任负责人或记录议事步骤，每人每议题计一次';

/** The eight steps, in order (seed 002 陇西 "八步议事法"). */
export const TOPIC_STEPS = [
  'collect',
  'confirm',
  'plan',
  'research',
  'meeting',
  'publicity',
  'decision',
  'implement',
] as const;
export type TopicStep = (typeof TOPIC_STEPS)[number];
export const TOPIC_STEP_LABELS: Record<TopicStep, string> = {
  collect: '议题收集',
  confirm: '议题确定',
  plan: '制定方案',
  research: '议前调研',
  meeting: '协商议事',
  publicity: '公开公示',
  decision: '组织决定',
  implement: '跟踪落实',
};
export const stepIndex = (s: TopicStep) => TOPIC_STEPS.indexOf(s);
/** From 公开公示 on, a topic's page is public: the steps it has reached and the three lists. */
export const isPublished = (s: TopicStep) => stepIndex(s) >= stepIndex('publicity');

/** What can be done to a topic; the state machine (cloudfunctions/topic/domain/steps.ts) says where. */
export const TOPIC_ACTIONS = [
  'record',
  'arrange',
  'research',
  'advance',
  'back',
  'screen',
  'confirm',
  'suggest',
  'assign',
  'progress',
  'result',
] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];
export const TOPIC_ACTION_LABELS: Record<TopicAction, string> = {
  record: '记录本步工作',
  arrange: '安排协商会议',
  research: '布置议前调研',
  advance: '进入下一步',
  back: '退回上一步',
  screen: '对照清单审查',
  confirm: '确定议题',
  suggest: '整理协商建议清单',
  assign: '落实责任',
  progress: '反馈进展',
  result: '反馈结果',
};

/**
 * Seed 002 (甘州区) names "10项可协商内容、7项不可协商内容" without listing them; these are the
 * matters such rules usually list, the default of every unit until its staff edit their own.
 */
export const DEFAULT_MAY_CONSULT = [
  '党和国家方针政策在本地的贯彻落实',
  '本地经济社会发展规划和重大项目建设',
  '乡村振兴和产业发展中的重要事项',
  '涉及群众切身利益的民生实事',
  '公共服务设施的建设和管理',
  '人居环境整治和生态环境保护',
  '社会治理和平安建设中的热点难点问题',
  '教育、医疗、养老、就业等公共服务',
  '村（社区）公共事务和公益事业',
  '党委政府和群众共同关注的其他事项',
] as const;
export const DEFAULT_MAY_NOT_CONSULT = [
  '违反党的路线方针政策的事项',
  '违反宪法和法律法规的事项',
  '涉及国家秘密、商业秘密和个人隐私的事项',
  '已进入诉讼、仲裁或信访法定程序的事项',
  '依法应由行政机关直接决定的行政处罚、行政许可等执法事项',
  '涉及民族、宗教等敏感问题的事项',
  '纯属个人利益、不具公共性的诉求',
] as const;

export interface TopicAttachment {
  fileId: string;
  name: string;
  kind: 'pdf' | 'image';
}

/** One thing done at a step: what, by whom, when, with what (plan, notes, minutes, photos). */
export interface TopicStepRecord {
  step: TopicStep;
  /** 'record' for work done; 'advance' / 'back' / 'confirm' for moves (a move back says why). */
  kind: 'record' | 'advance' | 'back' | 'confirm' | 'close';
  text: string;
  by: string;
  byName: string;
  at: Date;
  attachments: TopicAttachment[];
}

export interface TopicScreening {
  /** The may-list items the topic falls under, as worded when ticked. */
  may: string[];
  /** The may-not items it was ticked against: any one blocks confirmation. */
  mayNot: string[];
  at: Date;
  byName: string;
}

export interface TopicConfirmation {
  /** The confirming body, e.g. "会师镇党委+政协委员+群众代表" (党委(支部)+政协委员+N). */
  body: string;
  /** China date, YYYY-MM-DD. */
  date: string;
  byName: string;
  at: Date;
}

export interface TopicProgress {
  text: string;
  at: Date;
  byName: string;
}

/** One line through the three lists: the suggestion, then its responsibility, then its outcome. */
export interface TopicItem {
  /** 1, 2, 3 … in the 协商建议清单. */
  no: number;
  suggestion: string;
  /** 责任落实清单 (set at 组织决定). */
  department?: string;
  /** The person in charge, as the deciding body named them (an official's name and post). */
  owner?: string;
  /** China date, YYYY-MM-DD. */
  deadline?: string;
  /** What counts as done, measurably ("年底前安装路灯 20 盏"). */
  outcome?: string;
  /** "献策不决策": who decided, recorded with the responsibility. */
  decidedBy?: string;
  /** 结果反馈清单. */
  progress: TopicProgress[];
  result?: string | null;
  resultAt?: Date | null;
  /** Set by the daily timer when the deadline passed without a result. */
  overdue?: boolean;
}

/** A concern the topic came from, with its submitter (server only: the openid never leaves). */
export interface TopicSourceConcern {
  concernId: string;
  title: string;
  workstationName: string | null;
  submitterOpenid: string;
}

export interface Topic {
  _id: string;
  unitId: string;
  unitPath: string[];
  source: TopicSource;
  title: string;
  background: string;
  sectorIds: string[];
  workstationIds: string[];
  form: TopicForm;
  /** The people responsible (staff or members), by user id and name. */
  responsible: { userId: string; name: string; openid: string | null }[];
  step: TopicStep;
  records: TopicStepRecord[];
  screening: TopicScreening | null;
  confirmation: TopicConfirmation | null;
  items: TopicItem[];
  /** 群众出题: the concerns it came from. */
  concerns: TopicSourceConcern[];
  /** 委员荐题: the liaison records it came from. */
  liaisonRecordIds: string[];
  /** 制定方案: the meeting arranged through a notice (absent until then). */
  meeting?: TopicMeeting | null;
  /** 公开征题: the citizen's proposal it was made from (转为议题). */
  fromCallProposal?: { id: string; callId: string; title: string } | null;
  /** The earliest deadline of an item without a result (the daily timer's index), null when none. */
  nextDueAt: Date | null;
  /** The China day the daily timer last reminded its people of overdue items (at most once a day). */
  remindedOn?: string;
  publishedAt: Date | null;
  closedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A unit's may / may-not lists (`topic_settings`, `_id` = unit id). */
export interface TopicScreeningLists {
  may: string[];
  mayNot: string[];
}

/** What the submitter of a concern that fed a topic is shown on their concern. */
export interface ConcernTopicOutcome {
  topicId: string;
  title: string;
  /** The results recorded so far, by item number. */
  results: { no: number; suggestion: string; result: string; at: Date }[];
  closed: boolean;
}

/** 公开征题: a call for topics, open to the public of a unit until it closes. */
export interface TopicCall {
  _id: string;
  unitId: string;
  unitPath: string[];
  title: string;
  intro: string;
  closesAt: Date;
  proposals: number;
  createdBy: string;
  createdAt: Date;
}

/** A topic a citizen proposed to a call; others back it, once each. */
export interface TopicProposal {
  _id: string;
  callId: string;
  unitPath: string[];
  /** Who proposed it (server only). */
  openid: string;
  title: string;
  text: string;
  backers: number;
  /** The content check was unsure: kept from the public list until staff look at it. */
  needsReview: boolean;
  /** The call's end, copied so a backing needs no second read. */
  closesAt: Date;
  /** Staff turned it into a topic (转为议题): that topic, its title as it was made. */
  topic?: { id: string; title: string } | null;
  createdAt: Date;
}
