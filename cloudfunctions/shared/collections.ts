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
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'users',
    description: '委员、工作人员、管理员（群众无需账号）',
    indexes: [
      { name: 'openid', fields: [['openid', 1]] },
      {
        name: 'unit_path',
        fields: [
          ['unitPath', 1],
          ['name', 1],
        ],
      },
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
    ],
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
    description: '订阅消息授权记录（每人每模板：同意、拒绝次数）',
    indexes: [{ name: 'openid', fields: [['openid', 1]] }],
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
