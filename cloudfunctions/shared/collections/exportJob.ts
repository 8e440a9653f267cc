import { closed, type CollectionDecl } from './decl';

/** 导出任务：导出任务、导出分块 */
export const EXPORT_JOBS: CollectionDecl[] = [
  {
    name: 'export_jobs',
    description: '导出任务（一张表按筛选条件导出为 Excel，分多次运行完成）',
    indexes: [
      {
        name: 'unit_created',
        fields: [
          ['unitPath', 1],
          ['createdAt', -1],
        ],
      },
      // The minute timer picks up running jobs whose worker stopped (lease passed).
      {
        name: 'status_lease',
        fields: [
          ['status', 1],
          ['leaseUntil', 1],
        ],
      },
      { name: 'created', fields: [['createdAt', 1]] },
    ],
    rule: closed,
    // The workbook's link is temporary anyway; a quarter of jobs is enough to see what was exported.
    retention: { field: 'createdAt', days: 90 },
  },
  {
    name: 'export_parts',
    description: '导出分块（每次运行读出的行，合成工作簿后删除）',
    indexes: [
      {
        name: 'job_n',
        fields: [
          ['jobId', 1],
          ['n', 1],
        ],
      },
      { name: 'created', fields: [['createdAt', 1]] },
    ],
    rule: closed,
    // Joined and removed when the job ends; what a failed job leaves goes after a week.
    retention: { field: 'createdAt', days: 7 },
  },
];
