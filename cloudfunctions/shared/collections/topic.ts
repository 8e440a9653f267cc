import { closed, type CollectionDecl } from './decl';

/** 协商议题 and each unit's may / may-not lists. */
export const TOPICS: CollectionDecl[] = [
  {
    name: 'topics',
    description: '协商议题：来源、八步议事记录、三张清单',
    indexes: [
      {
        // The staff list (filtered by step or source within the subtree), figures and the export.
        name: 'unit_created',
        fields: [
          ['unitPath', 1],
          ['createdAt', -1],
        ],
      },
      {
        // The daily timer: topics being followed up with an item past due, oldest first, a page at a time.
        name: 'step_due',
        fields: [
          ['step', 1],
          ['nextDueAt', 1],
        ],
      },
      {
        // The workstation page's published topics.
        name: 'station_published',
        fields: [
          ['workstationIds', 1],
          ['publishedAt', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'topic_settings',
    description: '各单位的可协商、不可协商事项清单（_id 为单位）',
    indexes: [],
    rule: closed,
    retention: null,
  },
  {
    name: 'topic_dismissals',
    description: '工作人员忽略的“一类事”议题建议（_id 为 单位:建议）',
    indexes: [{ name: 'unit', fields: [['unitId', 1]] }],
    rule: closed,
    retention: null,
  },
  {
    name: 'topic_calls',
    description: '公开征题：向本单位群众征集协商议题',
    indexes: [
      // A moved unit's records are re-pathed by it (admin.moveUnit).
      { name: 'unit_path', fields: [['unitPath', 1]] },
      {
        // A workstation's page: its unit's calls still open.
        name: 'unit_closes',
        fields: [
          ['unitId', 1],
          ['closesAt', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'topic_proposals',
    description: '群众向公开征题提出的议题建议',
    indexes: [
      // A moved unit's records are re-pathed by it (admin.moveUnit).
      { name: 'unit_path', fields: [['unitPath', 1]] },
      {
        name: 'call_backers',
        fields: [
          ['callId', 1],
          ['backers', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'topic_backings',
    description: '群众对议题建议的支持（_id 为 建议:openid，每人一次）',
    indexes: [
      {
        name: 'call_person',
        fields: [
          ['callId', 1],
          ['openid', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'topic_participation',
    description: '委员参与协商议题：协商会议的邀请与扫码签到、议前调研任务（会议 _id 为 meeting:议题:用户）',
    indexes: [
      {
        // A topic's meeting sign-ins and research tasks (staff), and absent marks.
        name: 'topic_kind',
        fields: [
          ['topicId', 1],
          ['kind', 1],
        ],
      },
      {
        // A member's own meetings and tasks, and the 成绩单's join on the member.
        name: 'user_counted',
        fields: [
          ['userId', 1],
          ['countedAt', -1],
        ],
      },
      {
        // The daily timer: research tasks still open past their due day, oldest first.
        name: 'kind_status_due',
        fields: [
          ['kind', 1],
          ['status', 1],
          ['dueOn', 1],
        ],
      },
      {
        // The assessment's per-member figures over a unit subtree and a period.
        name: 'unit_counted',
        fields: [
          ['unitPath', 1],
          ['countedAt', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
];
