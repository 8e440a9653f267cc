import { closed, type CollectionDecl } from './decl';

/** 值班：班次、请假调班、接待记录 */
export const DUTY: CollectionDecl[] = [
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
          ['start', 1],
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
      // 全部（含已处理）: the leave table and its export list every status, newest first.
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
      // The receptions export: a station's receptions over the roster page's span.
      {
        name: 'workstation_date_created',
        fields: [
          ['workstationId', 1],
          ['date', 1],
          ['createdAt', 1],
        ],
      },
      // Staff's data-subject tool: a person's receptions by the phone they gave.
      {
        name: 'unit_path_visitor_phone',
        fields: [
          ['unitPath', 1],
          ['visitorPhone', 1],
        ],
      },
      // A retried erase (concern.subjectErase) finds what its first run already erased.
      { name: 'erased_by', fields: [['erasedBy', 1]] },
      // The retention job: the oldest receptions still holding a visitor's name or phone.
      {
        name: 'deidentified_created',
        fields: [
          ['deidentifiedAt', 1],
          ['createdAt', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
];
