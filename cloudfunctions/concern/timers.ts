/**
 * The concern function's timer jobs (config.json triggers, UTC+8 cron): a daily reminder to each
 * handler of their overdue concerns, and a weekly digest of the figures to staff. Both are safe to
 * run twice: each notification's id is its day (or week) and its recipient.
 */
import type { Concern, User } from '@lxq/types';
import { sumBuckets } from '../shared/concerns/counters';
import { quarterOf } from '../shared/concerns/deadlines';
import { allBuckets } from '../shared/data/concernCounters';
import { countOverdue, overdueBatch } from '../shared/data/concerns';
import { staffOfUnits } from '../shared/data/users';
import { notify } from '../shared/notify';
import { inChina } from '../shared/time';

const BATCH = 500;
const MAX_OVERDUE = 20_000;

export async function dailyReminder(now: Date) {
  const overdue: Concern[] = [];
  for (let skip = 0; skip < MAX_OVERDUE; skip += BATCH) {
    const batch = await overdueBatch(now, skip, BATCH);
    overdue.push(...batch);
    if (batch.length < BATCH) break;
  }
  const staff = await staffOfUnits(overdue.flatMap((c) => c.unitPath));
  const byHandler = new Map<string, { page: string; items: Concern[] }>();
  for (const c of overdue) {
    for (const h of handlersOf(c, staff)) {
      const entry = byHandler.get(h.openid) ?? { page: h.page, items: [] };
      entry.items.push(c);
      byHandler.set(h.openid, entry);
    }
  }
  const day = inChina(now).format('YYYYMMDD');
  await Promise.all(
    [...byHandler].map(([openid, { page, items }]) =>
      notify(
        {
          id: `remind-${day}-${openid}`,
          openid,
          kind: 'reminder',
          title: `您有 ${items.length} 条群众诉求已超过办理时限`,
          body: items
            .slice(0, 5)
            .map((c) => `「${c.title}」`)
            .join('、'),
          page,
          push: {
            template: 'taskReminder',
            values: { thing1: `${items.length} 条诉求已超期`, thing2: items[0].title, time3: now },
          },
        },
        now,
      ).catch((err) => console.error('[reminder]', err)),
    ),
  );
  return { overdue: overdue.length, reminded: byHandler.size };
}

/**
 * Who must act on an overdue concern: the assigned member while it is in their hands, otherwise
 * the staff of the nearest unit up its path that has any.
 */
function handlersOf(c: Concern, staff: User[]): { openid: string; page: string }[] {
  if (c.assigneeOpenid && (c.status === 'assigned' || c.status === 'in_progress')) {
    return [{ openid: c.assigneeOpenid, page: 'member/assigned/index' }];
  }
  for (const unitId of [...c.unitPath].reverse()) {
    const here = staff.filter((u) => u.unitId === unitId && u.openid);
    if (here.length) return here.map((u) => ({ openid: u.openid!, page: 'staff/concerns/index?overdue=1' }));
  }
  return [];
}

export async function weeklyDigest(now: Date) {
  const buckets = await allBuckets();
  const quarter = quarterOf(now);
  const staff = await staffOfUnits(buckets.flatMap((b) => b.unitPath));
  const week = inChina(now).format('YYYYMMDD');
  const overdueOf = new Map<string, Promise<number>>();
  await Promise.all(
    staff
      .filter((u) => u.openid)
      .map(async (u) => {
        const mine = buckets.filter((b) => b.unitPath.includes(u.unitId));
        const { counts, quarter: q } = sumBuckets(mine, quarter);
        if (!overdueOf.has(u.unitId)) overdueOf.set(u.unitId, countOverdue(u.unitId, now));
        const overdue = await overdueOf.get(u.unitId)!;
        await notify(
          {
            id: `digest-${week}-${u.openid}`,
            openid: u.openid!,
            kind: 'reminder',
            title: '群众诉求办理周报',
            body: `本季度收集 ${q.collected} 条，已答复 ${q.answered} 条；待受理 ${counts.submitted ?? 0} 条，超期 ${overdue} 条。`,
            page: 'staff/concerns/index',
          },
          now,
        ).catch((err) => console.error('[digest]', err));
      }),
  );
  return { staff: staff.length };
}
