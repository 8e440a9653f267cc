import { closed, type CollectionDecl } from './decl';

/** 诉求：诉求、分单位计数、办理时限设置 */
export const CONCERN: CollectionDecl[] = [
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
      // Accept deadlines counted in a year not yet entered, recomputed when it is (calendar issue).
      {
        name: 'provisional_due',
        fields: [
          ['provisional', 1],
          ['dueAt', 1],
        ],
      },
      // Staff's data-subject tool: a person's concerns by the phone they left.
      {
        name: 'unit_path_phone',
        fields: [
          ['unitPath', 1],
          ['phone', 1],
        ],
      },
      // The retention job: the oldest concerns still holding personal data (housekeeping).
      {
        name: 'deidentified_updated',
        fields: [
          ['deidentifiedAt', 1],
          ['updatedAt', 1],
        ],
      },
      // The wxa_media_check event names only its trace id.
      { name: 'media_trace', fields: [['mediaChecks.traceId', 1]] },
      // 履职考核: concerns first answered in a period, per member and per workstation.
      {
        name: 'unit_path_replied',
        fields: [
          ['unitPath', 1],
          ['firstRepliedAt', 1],
        ],
      },
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
    name: 'calendar_years',
    description: '工作日历：每年一份的放假与调休上班安排（_id 为年份）',
    indexes: [
      { name: 'year', fields: [['year', 1]] },
      {
        name: 'source_year',
        fields: [
          ['source', 1],
          ['year', 1],
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
    description: '单位设置（诉求受理、答复时限、个人信息保存年限等），_id 为单位 id',
    // The privacy page lists the units whose retention differs from the default.
    indexes: [{ name: 'retention', fields: [['retentionYears', 1]] }],
    rule: closed,
    retention: null,
  },
];
