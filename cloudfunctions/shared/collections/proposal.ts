import { closed, type CollectionDecl } from './decl';

/** 提案：届次会议的提交时段、提案、承办单位 */
export const PROPOSALS: CollectionDecl[] = [
  {
    name: 'proposals',
    description: '提案（草稿、审查、交办、答复、评价）',
    indexes: [
      {
        name: 'unit_created',
        fields: [
          ['unitPath', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'proposer_updated',
        fields: [
          ['proposerOpenid', 1],
          ['updatedAt', -1],
        ],
      },
      {
        name: 'cosigner_updated',
        fields: [
          ['cosignerOpenids', 1],
          ['updatedAt', -1],
        ],
      },
      {
        name: 'handling_updated',
        fields: [
          ['handlingUnitIds', 1],
          ['updatedAt', -1],
        ],
      },
      {
        name: 'unit_session_created',
        fields: [
          ['unitPath', 1],
          ['sessionId', 1],
          ['createdAt', -1],
        ],
      },
      {
        name: 'unit_year_created',
        fields: [
          ['unitPath', 1],
          ['year', 1],
          ['createdAt', -1],
        ],
      },
      {
        // The assessment's quarter: proposals submitted in it, counted per proposer.
        name: 'unit_year_submitted',
        fields: [
          ['unitPath', 1],
          ['year', 1],
          ['submittedAt', 1],
        ],
      },
      {
        // The staff table orders by submission time over every page, with or without a session.
        name: 'unit_submitted',
        fields: [
          ['unitPath', 1],
          ['submittedAt', -1],
        ],
      },
      {
        name: 'unit_session_submitted',
        fields: [
          ['unitPath', 1],
          ['sessionId', 1],
          ['submittedAt', -1],
        ],
      },
      {
        name: 'status_due',
        fields: [
          ['status', 1],
          ['dueOn', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'proposal_sessions',
    description: '提案的届次会议与提交时段',
    indexes: [
      {
        name: 'unit_opens',
        fields: [
          ['unitId', 1],
          ['opensOn', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'handling_units',
    description: '提案承办单位（政府部门等）',
    indexes: [
      {
        name: 'unit_name',
        fields: [
          ['unitPath', 1],
          ['name', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
];
