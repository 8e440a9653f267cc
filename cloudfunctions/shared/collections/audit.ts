import { closed, type CollectionDecl } from './decl';

/** 审计日志（兼作幂等记录） */
export const AUDIT: CollectionDecl[] = [
  {
    name: 'audit',
    description: '审计日志；_id 为请求键，兼作幂等记录',
    indexes: [
      // The retention purge reads the oldest first (housekeeping).
      { name: 'at', fields: [['at', 1]] },
      {
        name: 'target',
        fields: [
          ['target', 1],
          ['at', -1],
        ],
      },
      // The audit log screen: a subtree's entries, newest first (admin.auditLog).
      {
        name: 'unit_path_at',
        fields: [
          ['unitPath', 1],
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
