import type { ReportInstruction } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { moveReport } from '../domain/change';
import { atDesk, deskReport } from '../domain/load';
import { tellAuthor, tellConcerns } from '../domain/tell';

/**
 * A leader's 批示 on an adopted report, recorded by the desk that adopted it: the level, the
 * leader's position, the date and what was written; the name only when the unit chooses to give
 * it. The author and the linked concerns' submitters are told.
 */
export default defineAction({
  name: 'report.instruct',
  roles: ['staff', 'admin'],
  mutates: true,
  target: deskReport,
  async handler({ id, position, leaderName, date, text }, ctx, { doc: r }) {
    const user = await atDesk(r, ctx);
    const desk = await getUnit(r.atUnitId);
    const instruction: ReportInstruction = {
      at: ctx.now,
      level: desk.level,
      unitName: desk.name,
      position,
      leaderName: leaderName || null,
      date,
      text,
    };
    const after = await moveReport(r, 'instruct', ctx.now, { push: { instructions: [instruction] } });
    await Promise.all([
      tellAuthor(after, ctx.newId(`tell:${r.authorOpenid}`), `获${position}批示`, ctx.now),
      tellConcerns(after, { openid: ctx.openid, name: user.name }, ctx.now, '并获领导批示'),
    ]);
    ctx.audit(`reports/${id}`, null, { instruction });
    return { instructions: after.instructions.length };
  },
});
