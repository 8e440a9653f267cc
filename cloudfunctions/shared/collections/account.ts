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
      // A quarter's freeze reads a subtree's members run by run, after the last one it wrote.
      {
        name: 'unit_path_id',
        fields: [
          ['unitPath', 1],
          ['_id', 1],
        ],
      },
      // Members who are staff of another unit (staffOfUnits).
      { name: 'staff_unit_path', fields: [['staffUnitPath', 1]] },
      // The people of a handling unit (承办单位), told of what it is given (proposal function).
      { name: 'handling_unit', fields: [['handlingUnitId', 1]] },
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
    name: 'web_logins',
    description: '电脑端扫码登录请求（二维码 2 分钟内有效，只能用一次）',
    // The retention purge reads the oldest first (housekeeping).
    indexes: [{ name: 'created', fields: [['createdAt', 1]] }],
    rule: closed,
    retention: { field: 'createdAt', days: 1 },
  },
  {
    name: 'web_sessions',
    description: '电脑端登录会话；_id 即自定义登录的用户标识，结束后立即失效',
    indexes: [
      {
        name: 'openid_created',
        fields: [
          ['openid', 1],
          ['createdAt', -1],
        ],
      },
      // The retention purge reads the oldest first (housekeeping).
      { name: 'expires', fields: [['expiresAt', 1]] },
    ],
    rule: closed,
    retention: { field: 'expiresAt', days: 30 },
  },
];
