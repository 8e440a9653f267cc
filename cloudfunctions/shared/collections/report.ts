import { closed, type CollectionDecl } from './decl';

const by = (...fields: string[]) =>
  fields.map((f) => (f === 'updatedAt' ? ([f, -1] as [string, -1]) : ([f, 1] as [string, 1])));

/** 社情民意信息: the author's list, each desk's inbox, the subtree's list by status and year, the figures. */
export const REPORTS: CollectionDecl[] = [
  {
    name: 'reports',
    description: '社情民意信息',
    indexes: [
      { name: 'author_updated', fields: by('authorOpenid', 'updatedAt') },
      { name: 'desk_status_updated', fields: by('atUnitId', 'status', 'updatedAt') },
      { name: 'unit_path_updated', fields: by('unitPath', 'updatedAt') },
      { name: 'unit_path_status_updated', fields: by('unitPath', 'status', 'updatedAt') },
      { name: 'unit_path_year_updated', fields: by('unitPath', 'year', 'updatedAt') },
      { name: 'unit_path_year_status_updated', fields: by('unitPath', 'year', 'status', 'updatedAt') },
      // The assessment's quarter: reports first submitted in it.
      { name: 'unit_path_year_submitted', fields: by('unitPath', 'year', 'submittedAt') },
      // A liaison record's page shows the reports it fed (multikey: each id of liaisonIds).
      { name: 'liaison_ids', fields: by('liaisonIds') },
      // A unit's move re-paths the desk a report is at (admin/domain/repath.ts).
      { name: 'at_unit_path', fields: by('atUnitPath') },
    ],
    rule: closed,
    retention: null,
  },
];
