import { defineAction } from '../../shared/action';
import { pageAuditOfSubtree } from '../../shared/data/audit';
import { invalid } from '../../shared/errors';
import { iso } from '../../shared/time';
import { ACTION_LABELS, brief } from '../domain/auditLabels';

const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * The audit log of the caller's subtree (who, what, before/after, when), newest first, filtered
 * by person, action and China dates. Staff read their subtree's log as admins do.
 */
export default defineAction({
  name: 'admin.auditLog',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    if (input.from && input.to && input.to < input.from) throw invalid({ to: '结束日期不能早于开始日期' });
    const scope = await ctx.scopeUnitId();
    const { items, total } = await pageAuditOfSubtree(
      scope,
      {
        action: input.action || undefined,
        actorName: input.actor || undefined,
        from: input.from ? chinaMidnight(input.from) : undefined,
        // Up to the end of the day chosen.
        to: input.to ? new Date(chinaMidnight(input.to).getTime() + 86_400_000) : undefined,
        sort: input.sort,
      },
      input.page,
      input.pageSize,
    );
    return {
      items: items.map((e) => ({
        _id: e._id,
        actorName: e.actorName ?? (e.actorUserId ? e.actorUserId : '群众'),
        action: e.action,
        actionLabel: ACTION_LABELS[e.action] ?? e.action,
        target: e.target,
        before: brief(e.before),
        after: brief(e.after),
        at: iso(e.at),
      })),
      total,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});
