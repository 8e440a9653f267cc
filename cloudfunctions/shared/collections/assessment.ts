import { closed, type CollectionDecl } from './decl';

/** 履职考核：考核权重、季度冻结快照、委员的考核结果 */
export const ASSESSMENTS: CollectionDecl[] = [
  {
    name: 'assessment_settings',
    description: '考核权重（每个单位一条，_id 为单位 id；没有的单位沿用上级的）',
    indexes: [{ name: 'unit_path', fields: [['unitPath', 1]] }],
    rule: closed,
    retention: null,
  },
  {
    name: 'assessment_snapshots',
    description: '冻结的季度考核（_id 为 单位_年_Q季度：同时冻结两次只存一份）：状态、权重与分页数',
    indexes: [
      // A moved unit's records are re-pathed by it (admin.moveUnit).
      { name: 'unit_path', fields: [['unitPath', 1]] },
      {
        name: 'unit_year',
        fields: [
          ['unitId', 1],
          ['year', 1],
          ['quarter', 1],
        ],
      },
      // Freezes whose chain of runs stopped, for the timer to resume.
      {
        name: 'status_lease',
        fields: [
          ['status', 1],
          ['leaseUntil', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'assessment_snapshot_pages',
    description: '冻结季度的委员指标与得分，每页至多 200 人（_id 为 快照_p页号：重写同一页不会多存）',
    indexes: [
      {
        name: 'snapshot_n',
        fields: [
          ['snapshotId', 1],
          ['n', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'assessment_results',
    description: '委员在冻结季度的得分与界别排名（每人每季度一条，成绩单读取）',
    indexes: [
      {
        name: 'member_year',
        fields: [
          ['memberId', 1],
          ['year', 1],
          ['quarter', 1],
        ],
      },
      { name: 'snapshot', fields: [['snapshotId', 1]] },
      // A page of a frozen list: the lines of one sector with one score (assessment/domain/lines.ts).
      {
        name: 'snapshot_sector_score',
        fields: [
          ['snapshotId', 1],
          ['sectorName', 1],
          ['score', 1],
          ['memberId', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
];
