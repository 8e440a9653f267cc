/**
 * The concern function's timer jobs (config.json triggers, UTC+8 cron): a daily reminder to each
 * handler of their overdue concerns, and a weekly digest of the figures to staff. Both are safe to
 * run twice: each notification's id is its day (or week) and its recipient.
 */
import type { User } from '@lxq/types';
import { sumBuckets } from '../shared/concerns/counters';
import { quarterOf } from '../shared/concerns/deadlines';
import { allBuckets } from '../shared/data/concernCounters';
import { countOverdue, overdueGroups, type OverdueGroup } from '../shared/data/concerns';
import { findInboxItems } from '../shared/data/inbox';
import { staffOfUnits } from '../shared/data/users';
import { notify } from '../shared/notify';
import { inChina } from '../shared/time';

/** Notifications in flight at once: the platform's openapi and database take a few at a time. */
const CONCURRENCY = 8;
/** Stop starting new notifications after this long: the function has 10 s in all. */
const TIME_BUDGET_MS = 6_000;

/**
 * Reminds each handler of their overdue concerns, once a day. The database groups the overdue
 * concerns by who handles them (the assignee, or the concern's unit): the job holds a few hundred
 * groups, never the concerns. It notifies a bounded number at a time and stops at its time budget;
 * the next run that day (config.json: every 15 minutes until 11:00) skips whoever already has
 * today's reminder and goes on with the rest.
 */
export async function dailyReminder(now: Date, startedAt = Date.now()) {
  const groups = await overdueGroups(now);
  const staff = await staffOfUnits(groups.flatMap((g) => g.unitPath));
  const byHandler = new Map<string, { page: string; count: number; titles: string[] }>();
  for (const g of groups) {
    for (const h of handlersOf(g, staff)) {
      const entry = byHandler.get(h.openid) ?? { page: h.page, count: 0, titles: [] };
      entry.count += g.count;
      entry.titles.push(g.title);
      byHandler.set(h.openid, entry);
    }
  }
  const day = inChina(now).format('YYYYMMDD');
  const idOf = (openid: string) => `remind-${day}-${openid}`;
  const todo = [...byHandler];
  let reminded = 0;
  let pending = 0;
  for (let i = 0; i < todo.length; i += 100) {
    if (Date.now() - startedAt > TIME_BUDGET_MS) {
      pending += todo.length - i;
      break;
    }
    const slice = todo.slice(i, i + 100);
    const done = new Set((await findInboxItems(slice.map(([o]) => idOf(o)))).map((it) => it._id));
    const left = slice.filter(([o]) => !done.has(idOf(o)));
    for (let k = 0; k < left.length; k += CONCURRENCY) {
      if (Date.now() - startedAt > TIME_BUDGET_MS) {
        pending += left.length - k + (todo.length - i - slice.length);
        i = todo.length;
        break;
      }
      await Promise.all(
        left.slice(k, k + CONCURRENCY).map(([openid, { page, count, titles }]) =>
          notify(
            {
              id: idOf(openid),
              openid,
              kind: 'reminder',
              title: `您有 ${count} 条群众诉求已超过办理时限`,
              body: titles
                .slice(0, 5)
                .map((t) => `「${t}」`)
                .join('、'),
              page,
              push: {
                template: 'taskReminder',
                values: { thing1: `${count} 条诉求已超期`, thing2: titles[0] ?? '群众诉求', time3: now },
              },
            },
            now,
          ).then(
            () => reminded++,
            (err) => console.error('[reminder]', err),
          ),
        ),
      );
    }
  }
  return { overdue: groups.reduce((n, g) => n + g.count, 0), handlers: byHandler.size, reminded, pending };
}

/**
 * Who must act on an overdue concern: the assigned member while it is in their hands, otherwise
 * the staff of the nearest unit up its path that has any.
 */
function handlersOf(g: OverdueGroup, staff: User[]): { openid: string; page: string }[] {
  if (g.assignee) return [{ openid: g.assignee, page: 'member/assigned/index' }];
  for (const unitId of [...g.unitPath].reverse()) {
    const here = staff.filter((u) => (u.staffUnitId ?? u.unitId) === unitId && u.openid);
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
