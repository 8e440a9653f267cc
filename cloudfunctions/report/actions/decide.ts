import type { ReportDecision } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getUnit } from '../../shared/data/units';
import { invalidState } from '../../shared/errors';
import { allowedOrThrow, moveReport } from '../domain/change';
import { atDesk, deskReport } from '../domain/load';
import { tellAuthor, tellConcerns } from '../domain/tell';

const WHAT = { return: '被退回修改', forward: '已上报', adopt: '已被采用', reject: '未被采用' } as const;

/**
 * The desk holding a submitted report decides: 退回 to the author with comments, 上报 to the
 * level above (whose staff then see it in 待本级处理), 采用 in a publication and issue, or 不采用
 * with a reason. An adopted report may still be forwarded. The author is told each time; the
 * linked concerns' submitters learn of adoption.
 */
export default defineAction({
  name: 'report.decide',
  roles: ['staff', 'admin'],
  mutates: true,
  // Not retrySafe: a forwarded report has left the desk, so a retry must find its first answer
  // before the target check would refuse it.
  target: deskReport,
  async handler({ id, action, note, publication, issue }, ctx, { doc: r }) {
    const user = await atDesk(r, ctx);
    allowedOrThrow(r, action);
    const desk = await getUnit(r.atUnitId);
    const parent = action === 'forward' && desk.parentId ? await getUnit(desk.parentId) : null;
    if (action === 'forward' && !parent) throw invalidState(`${desk.name}已是最高一级，不能再上报`);
    const decision: ReportDecision = {
      at: ctx.now,
      action,
      unitId: desk._id,
      unitName: desk.name,
      level: desk.level,
      byName: user.name,
      ...(note ? { note } : {}),
      ...(action === 'adopt' ? { publication, issue } : {}),
    };
    const set: Record<string, unknown> =
      action === 'forward'
        ? { atUnitId: parent!._id, atUnitPath: parent!.path }
        : action === 'return'
          ? { atUnitId: r.unitId, atUnitPath: r.unitPath }
          : action === 'adopt'
            ? { adoptedLevels: [...new Set([...r.adoptedLevels, desk.level])] }
            : {};
    const after = await moveReport(r, action, ctx.now, { set, push: { decisions: [decision] } });
    await Promise.all([
      tellAuthor(after, ctx.newId(`tell:${r.authorOpenid}`), WHAT[action], ctx.now),
      action === 'forward'
        ? null
        : tellConcerns(
            after,
            { openid: ctx.openid, name: user.name },
            ctx.now,
            action === 'adopt' ? '已被采用' : undefined,
          ),
    ]);
    ctx.audit(
      `reports/${id}`,
      { status: r.status, atUnitId: r.atUnitId },
      { status: after.status, atUnitId: after.atUnitId, decision },
    );
    return { status: after.status, atUnitName: parent?.name ?? desk.name };
  },
});
