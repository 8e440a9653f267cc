import { closed, type CollectionDecl } from './decl';

/** 通知：通知、接收人、投递队列 */
export const NOTICE: CollectionDecl[] = [
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
        // The console's table sorts by the time to send over every page.
        name: 'unit_path_send',
        fields: [
          ['unitPath', 1],
          ['sendAt', -1],
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
      // The retention purge reads the oldest first (housekeeping).
      { name: 'created', fields: [['createdAt', 1]] },
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
];
