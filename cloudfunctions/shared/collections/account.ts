import { closed, type CollectionDecl } from './decl';

/** 账号：用户和邀请码 */
export const ACCOUNT: CollectionDecl[] = [
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
];
