import type { Concern } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { scopeUnitOf } from '../../shared/caller';
import { getConcernsByIds } from '../../shared/data/concerns';
import { getRecordsByIds } from '../../shared/data/reports';
import { getUnitsByIds } from '../../shared/data/units';
import { visibleReport } from '../domain/load';
import { toView } from '../domain/view';

/**
 * One report for its author or staff in scope, with the comments and decisions of every level
 * and what the caller may do now; anyone else (a citizen, another county) learns nothing.
 * Round trips for the author: the report, then its units, concerns and records together.
 */
export default defineAction({
  name: 'report.get',
  roles: ['citizen'],
  mutates: false,
  target: visibleReport,
  async handler(_input, ctx, { doc: r, as }) {
    const mine = as === 'submitter';
    const [units, concerns, records, caller] = await Promise.all([
      getUnitsByIds([r.unitId, r.atUnitId]),
      getConcernsByIds(r.concernIds),
      getRecordsByIds(r.liaisonIds),
      mine ? null : ctx.caller(),
    ]);
    const user = caller?.user;
    const staff = !!user && user.roles.some((x) => x === 'staff' || x === 'admin');
    const atDesk = staff && scopeUnitOf(user).unitId === r.atUnitId;
    return toView(
      r,
      { mine, atDesk, hasParent: !!units.get(r.atUnitId)?.parentId },
      {
        units,
        concerns: r.concernIds.map((id) => concerns.get(id)).filter((c): c is Concern => !!c),
        records,
      },
    );
  },
});
