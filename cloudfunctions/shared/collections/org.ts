import { closed, type CollectionDecl } from './decl';

/** 组织：单位、界别、专委会、工作站 */
export const ORG: CollectionDecl[] = [
  {
    name: 'org_units',
    description: '组织单位（全国→省→市→县）',
    indexes: [
      { name: 'parent', fields: [['parentId', 1]] },
      { name: 'path', fields: [['path', 1]] },
      // Units whose move is still re-pathing their records (the admin function's minute timer).
      { name: 'moving', fields: [['moving.startedAt', 1]] },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'sectors',
    description: '界别',
    indexes: [
      {
        name: 'unit_order',
        fields: [
          ['unitId', 1],
          ['order', 1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
  {
    name: 'committees',
    description: '专委会',
    indexes: [{ name: 'unit', fields: [['unitId', 1]] }],
    rule: closed,
    retention: null,
  },
  {
    name: 'workstations',
    description: '委员工作站、工作室、活动站、直报点',
    indexes: [
      {
        name: 'unit_path',
        fields: [
          ['unitPath', 1],
          ['name', 1],
        ],
      },
      { name: 'name', fields: [['name', 1]] },
      { name: 'scene', fields: [['scene', 1]], unique: true },
      // Near-me prefilter: a latitude band around the phone (duty issue).
      { name: 'lat', fields: [['location.lat', 1]] },
    ],
    rule: closed,
    retention: null,
  },
];
