import { defineAction } from '../../shared/action';
import { chinaYear } from '../../shared/data/reports';
import { moveReport } from '../domain/change';
import { ownReport } from '../domain/load';
import { tellConcerns } from '../domain/tell';

/**
 * The author sends a draft (or a returned report, edited) to their unit's information desk. Its
 * staff see it in 待本级处理. Round trips: the report, the guarded update, the linked concerns'
 * stage, the audit entry.
 */
export default defineAction({
  name: 'report.submit',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: ownReport,
  async handler(_input, ctx, { doc: r }) {
    const after = await moveReport(r, 'submit', ctx.now, {
      set: {
        atUnitId: r.unitId,
        atUnitPath: r.unitPath,
        submittedAt: r.submittedAt ?? ctx.now,
        year: r.year ?? chinaYear(ctx.now),
      },
      push: {
        decisions: [
          { at: ctx.now, action: 'submit', unitId: r.unitId, unitName: '', level: null, byName: r.authorName },
        ],
      },
    });
    await tellConcerns(after, { openid: ctx.openid, name: r.authorName }, ctx.now);
    ctx.audit(`reports/${r._id}`, { status: r.status }, { status: after.status, atUnitId: after.atUnitId });
    return { status: after.status };
  },
});
