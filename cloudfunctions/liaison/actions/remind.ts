import { defineAction } from '../../shared/action';
import { invalid } from '../../shared/errors';
import { notify } from '../../shared/notify';
import { gridProgress } from '../domain/grid';
import { behindReminder } from '../domain/reminder';

/**
 * A director or convener reminds members who are behind (one, some, or all of them): in-app, and
 * a subscribe message to whoever has a subscription left. Only members of their own groups.
 */
export default defineAction({
  name: 'liaison.remind',
  roles: ['member'],
  mutates: true,
  async handler({ memberIds }, ctx) {
    const leader = await ctx.user();
    const { period, groups } = await gridProgress(leader, {}, ctx.now);
    const mine = new Map(groups.flatMap((g) => g.members).map((m) => [m.userId, m]));
    const unknown = memberIds.filter((id) => !mine.has(id));
    if (unknown.length) throw invalid({ memberIds: '只能提醒您联系的委员' });
    const targets = (memberIds.length ? memberIds.map((id) => mine.get(id)!) : [...mine.values()]).filter(
      (m) => m.behind && m.openid,
    );
    let pushed = 0;
    for (const m of targets) {
      const outcome = await notify(
        behindReminder(
          `${ctx.newId('remind')}:${m.userId}`,
          { ...m, openid: m.openid! },
          period,
          `${leader.name}提醒您`,
          ctx.now,
        ),
        ctx.now,
      );
      if (outcome === 'sent') pushed++;
    }
    ctx.audit(
      `liaison_grid/${leader._id}/remind`,
      null,
      targets.map((m) => m.userId),
    );
    return { reminded: targets.length, pushed };
  },
});
