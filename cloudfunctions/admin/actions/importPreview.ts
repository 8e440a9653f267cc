import { defineAction } from '../../shared/action';
import { planImport, rowView } from '../domain/importRows';
import { openUnit, unitPathOf } from '../domain/units';

/** Every row of an import file judged, nothing written: what the admin confirms. */
export default defineAction({
  name: 'admin.importPreview',
  roles: ['admin'],
  mutates: false,
  unitOf: unitPathOf,
  async handler(input) {
    const rows = await planImport(await openUnit(input.unitId), input.file);
    return { rows: rows.map(rowView), valid: rows.filter((r) => r.status === 'ok').length };
  },
});
