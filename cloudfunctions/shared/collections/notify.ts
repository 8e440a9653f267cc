import { closed, type CollectionDecl } from './decl';

/** 消息：站内消息和订阅消息额度 */
export const NOTIFY: CollectionDecl[] = [
  {
    name: 'inbox',
    description: '站内消息（所有通知都进收件箱；有订阅时另发订阅消息）',
    indexes: [
      // The retention purge reads the oldest first (housekeeping).
      { name: 'created', fields: [['createdAt', 1]] },
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
];
