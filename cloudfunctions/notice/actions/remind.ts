import { defineAction } from '../../shared/action';
import { claimReminder, getNotice } from '../../shared/data/notices';
import { listUnread } from '../../shared/data/noticeRecipients';
import { enqueue } from '../../shared/data/noticeQueue';
import { invalidState } from '../../shared/errors';
import { inChina } from '../../shared/time';
import { startWorkers } from '../domain/delivery/kick';
import { queueBatches } from '../domain/delivery/prepare';
import { PARALLEL_WORKERS } from '../timers';
import { unitOfNotice } from '../domain/unitOfNotice';

const DAY_MS = 86_400_000;

/** Tells everyone who has not read the notice again (inbox + push), at most once per 24 hours. */
export default defineAction({
  name: 'notice.remind',
  roles: ['staff', 'admin'],
  mutates: true,
  unitOf: unitOfNotice,
  async handler({ id }, ctx) {
    const notice = await getNotice(id);
    if (notice.status === 'cancelled') throw invalidState('这条通知已取消，没有发出');
    if (notice.status === 'scheduled' || notice.status === 'preparing') {
      throw invalidState('通知还没有发出，发出后才能提醒未读的人');
    }
    if (notice.remindAfter > ctx.now) {
      throw invalidState(
        `每条通知 24 小时内只能提醒一次，${inChina(notice.remindAfter).format('M月D日 HH:mm')} 后可再次提醒`,
      );
    }
    const unread = (await allUnread(id)).filter((r) => r.openid);
    if (!unread.length) throw invalidState('已绑定微信的接收人都已阅读，无需提醒');
    const next = new Date(ctx.now.getTime() + DAY_MS);
    if (!(await claimReminder(notice, ctx.now, next))) throw invalidState('刚刚已有人发送了提醒，请稍后再试');
    const batches = queueBatches(id, notice.remindCount + 1, unread, ctx.now);
    await enqueue(batches);
    ctx.audit(`notices/${id}`, { lastRemindAt: notice.lastRemindAt }, { lastRemindAt: ctx.now, unread: unread.length });
    await startWorkers(Math.min(PARALLEL_WORKERS, batches.length));
    return { reminded: unread.length, remindAfter: next.toISOString() };
  },
});

async function allUnread(id: string) {
  const out = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await listUnread(id, skip, 1000);
    out.push(...page);
    if (page.length < 1000) return out;
  }
}
