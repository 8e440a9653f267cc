/**
 * The one declaration of every collection: name, indexes, security rule, retention.
 * It feeds the emulator (SQLite expression indexes, strict index checking in tests), the deploy
 * script (indexes and rules on WeChat Cloud) and the tests. A query on a collection must be
 * served by one of its indexes; `_id` is always indexed.
 *
 * Plain data only: the emulator reads it as JSON (dist/collections.json) and knows no domain.
 */
export interface IndexDecl {
  name: string;
  /** Fields in order, with direction. Dotted paths reach nested fields. */
  fields: [string, 1 | -1][];
  unique?: boolean;
}

export interface CollectionDecl {
  name: string;
  description: string;
  indexes: IndexDecl[];
  /** No collection is open to the client; all access goes through functions. */
  rule: { read: false; write: false };
  /** Documents older than `days` by `field` may be purged; null keeps them for ever. */
  retention: { field: string; days: number } | null;
}

const closed = { read: false, write: false } as const;

export const COLLECTIONS: CollectionDecl[] = [
  {
    name: 'org_units',
    description: '组织单位（全国→省→市→县）',
    indexes: [
      { name: 'parent', fields: [['parentId', 1]] },
      { name: 'path', fields: [['path', 1]] },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'sectors',
    description: '界别',
    indexes: [
      {
        name: 'unit_order',
        fields: [
          ['unitId', 1],
          ['order', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'committees',
    description: '专委会',
    indexes: [{ name: 'unit', fields: [['unitId', 1]] }],
    rule: closed,
    retention: null,
  },
  {
    name: 'workstations',
    description: '委员工作站、工作室、活动站、直报点',
    indexes: [
      {
        name: 'unit_path',
        fields: [
          ['unitPath', 1],
          ['name', 1],
        ],
      },
      { name: 'name', fields: [['name', 1]] },
      { name: 'scene', fields: [['scene', 1]], unique: true },
      // Near-me prefilter: a latitude band around the phone (duty issue).
      { name: 'lat', fields: [['location.lat', 1]] },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'users',
    description: '委员、工作人员、管理员（群众无需账号）',
    indexes: [
      // One account per WeChat identity, even when two invitations are bound at once.
      { name: 'openid', fields: [['openid', 1]], unique: true },
      {
        name: 'unit_path',
        fields: [
          ['unitPath', 1],
          ['name', 1],
        ],
      },
      // Members who are staff of another unit (staffOfUnits).
      { name: 'staff_unit_path', fields: [['staffUnitPath', 1]] },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'invitations',
    description: '绑定委员、工作人员身份的邀请码',
    indexes: [
      { name: 'code', fields: [['code', 1]], unique: true },
      {
        name: 'unit_path_created',
        fields: [
          ['unitPath', 1],
          ['createdAt', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'concerns',
    description: '群众诉求',
    indexes: [
      {
        name: 'submitter',
        fields: [
          ['submitterOpenid', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'unit_path_created',
        fields: [
          ['unitPath', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'unit_path_status',
        fields: [
          ['unitPath', 1],
          ['status', 1],
          ['createdAt', -1],
        ],
      },
      // Staff queue filters (concerns issue): each filter has an index led by the scope.
      {
        name: 'unit_path_category',
        fields: [
          ['unitPath', 1],
          ['category', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'unit_path_sector',
        fields: [
          ['unitPath', 1],
          ['sectorId', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'workstation_created',
        fields: [
          ['workstationId', 1],
          ['createdAt', -1],
        ],
      },
      // Overdue: only open concerns carry a dueAt, so the range reads the overdue ones alone.
      {
        name: 'unit_path_due',
        fields: [
          ['unitPath', 1],
          ['dueAt', 1],
        ],
      },
      { name: 'due', fields: [['dueAt', 1]] },
      // 分派给我: a member's assigned concerns.
      {
        name: 'assignee_updated',
        fields: [
          ['assigneeOpenid', 1],
          ['updatedAt', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'concern_counters',
    description: '诉求计数（每个工作站或单位一条：各状态数、季度收集/答复/按时/评价），随诉求变更原子累加',
    indexes: [
      { name: 'unit_path', fields: [['unitPath', 1]] },
      { name: 'unit', fields: [['unitId', 1]] },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'unit_settings',
    description: '单位设置（诉求受理、答复时限等），_id 为单位 id',
    indexes: [],
    rule: closed,
    retention: null,
  },
  {
    name: 'inbox',
    description: '站内消息（所有通知都进收件箱；有订阅时另发订阅消息）',
    indexes: [
      {
        name: 'openid_created',
        fields: [
          ['openid', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'openid_unread',
        fields: [
          ['openid', 1],
          ['readAt', 1],
        ],
      },
    ],
    rule: closed,
    retention: { field: 'createdAt', days: 730 },
  },
  {
    name: 'subscriptions',
    description: '订阅消息授权记录（每人一条：各模板同意、拒绝次数）',
    indexes: [{ name: 'openid', fields: [['openid', 1]] }],
    rule: closed,
    retention: null,
  },
  {
    name: 'shifts',
    description: '值班班次（含每位值班委员的签到、签退和结果）',
    indexes: [
      {
        name: 'workstation_start',
        fields: [
          ['workstationId', 1],
          ['start', 1],
        ],
      },
      {
        name: 'members_start',
        fields: [
          ['memberIds', 1],
          ['start', 1],
        ],
      },
      {
        name: 'members_end',
        fields: [
          ['memberIds', 1],
          ['end', 1],
        ],
      },
      {
        name: 'unit_path_date',
        fields: [
          ['unitPath', 1],
          ['date', 1],
        ],
      },
      {
        name: 'settled_end',
        fields: [
          ['settled', 1],
          ['end', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'leaves',
    description: '值班请假、调班申请',
    indexes: [
      {
        name: 'requester',
        fields: [
          ['requesterId', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'partner',
        fields: [
          ['partnerId', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'shift_requester',
        fields: [
          ['shiftId', 1],
          ['requesterId', 1],
        ],
      },
      {
        name: 'unit_path_status',
        fields: [
          ['unitPath', 1],
          ['status', 1],
          ['createdAt', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'receptions',
    description: '值班接待记录（来访人姓名、电话须经同意）',
    indexes: [
      {
        name: 'shift',
        fields: [
          ['shiftId', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'unit_path_date',
        fields: [
          ['unitPath', 1],
          ['date', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'notices',
    description: '通知（界别群众工作通知、会议通知）',
    indexes: [
      {
        name: 'unit_path_created',
        fields: [
          ['unitPath', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'status_send',
        fields: [
          ['status', 1],
          ['sendAt', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'notice_recipients',
    description: '通知的每位接收人：送达、推送、阅读、参会回执；_id 为 通知:用户',
    indexes: [
      {
        name: 'notice_name',
        fields: [
          ['noticeId', 1],
          ['name', 1],
        ],
      },
      {
        name: 'notice_read',
        fields: [
          ['noticeId', 1],
          ['readAt', 1],
        ],
      },
      {
        name: 'openid_notice',
        fields: [
          ['openid', 1],
          ['noticeId', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'notice_queue',
    description: '通知分批投递队列（定时器与函数互调领取，租约到期可由他人接手）',
    indexes: [
      {
        name: 'status_lease',
        fields: [
          ['status', 1],
          ['leaseUntil', 1],
        ],
      },
      {
        name: 'notice_status',
        fields: [
          ['noticeId', 1],
          ['status', 1],
        ],
      },
    ],
    rule: closed,
    retention: { field: 'createdAt', days: 90 },
  },
  // Liaison records (issue 6). Every filter of the staff list has an index led by the scope.
  {
    name: 'liaison_records',
    description: '委员联系界别群众记录（“1158”工作法）',
    indexes: [
      {
        name: 'member_date',
        fields: [
          ['memberId', 1],
          ['date', -1],
        ],
      },
      {
        name: 'unit_path_date',
        fields: [
          ['unitPath', 1],
          ['date', -1],
        ],
      },
      {
        name: 'unit_path_sector_date',
        fields: [
          ['unitPath', 1],
          ['sectorId', 1],
          ['date', -1],
        ],
      },
      {
        name: 'unit_path_channel_date',
        fields: [
          ['unitPath', 1],
          ['channel', 1],
          ['date', -1],
        ],
      },
      {
        name: 'unit_path_occasion_date',
        fields: [
          ['unitPath', 1],
          ['occasion', 1],
          ['date', -1],
        ],
      },
      {
        name: 'pairing_date',
        fields: [
          ['pairingId', 1],
          ['date', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'liaison_profiles',
    description: '委员的联系点、界别群众联系人、结对帮扶；_id 为委员用户 id',
    indexes: [],
    rule: closed,
    retention: null,
  },
  {
    name: 'liaison_grid',
    description: '网格化联系：专委会主任、界别召集人与其联系的委员',
    indexes: [
      { name: 'leader', fields: [['leaderId', 1]] },
      // Staff manage the groups of their subtree by name.
      {
        name: 'unit_path',
        fields: [
          ['unitPath', 1],
          ['groupName', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'liaison_quotas',
    description: '联系群众的考核指标（每季度活动次数、全年人次）；_id 为单位 id，下级单位未设置时沿用上级',
    indexes: [],
    rule: closed,
    retention: null,
  },
  {
    name: 'audit',
    description: '审计日志；_id 为请求键，兼作幂等记录',
    indexes: [
      {
        name: 'target',
        fields: [
          ['target', 1],
          ['at', -1],
        ],
      },
      {
        name: 'actor',
        fields: [
          ['actor', 1],
          ['at', -1],
        ],
      },
    ],
    rule: closed,
    retention: { field: 'at', days: 3650 },
  },
];
