import { closed, type CollectionDecl } from './decl';

/** 联系群众：记录、委员设置、网格、考核指标 */
export const LIAISON: CollectionDecl[] = [
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
      { name: 'media_trace', fields: [['mediaChecks.traceId', 1]] },
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
    indexes: [{ name: 'unit_path', fields: [['unitPath', 1]] }],
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
];
