import { defineAction } from '../../shared/action';
import { scopeUnitOf } from '../../shared/caller';
import { insertNotice } from '../../shared/data/notices';
import { getUnit } from '../../shared/data/units';
import { startWorkers } from '../domain/delivery/kick';
import { prepareDelivery } from '../domain/delivery/prepare';
import { refuseEmpty, resolveRecipients } from '../domain/delivery/resolve';
import { PARALLEL_WORKERS } from '../timers';
import { checkAttachments, checkTimes, newNotice, refuseRepeat } from '../domain/compose';
import { HOUR } from '../../shared/limits';

/**
 * Sends a notice now (recipients written, batches queued, workers started) or schedules it for
 * the timer. A target that reaches nobody in the sender's scope is refused before anything is stored.
 */
export default defineAction({
  name: 'notice.send',
  roles: ['staff', 'admin'],
  mutates: true,
  // Each send reaches up to thousands of people; a staff member sends a few a day.
  limit: { windows: [{ seconds: HOUR, max: 20 }], durable: true },
  async handler(input, ctx) {
    const sender = await ctx.user();
    const times = checkTimes(input, ctx.now);
    await checkAttachments(input.attachments, ctx.openid);
    const scope = scopeUnitOf(sender);
    const resolved = await resolveRecipients(scope.unitId, input.targets);
    refuseEmpty(resolved);
    const id = ctx.newId('notice');
    await refuseRepeat(input, sender, scope.unitId, ctx.now, id);
    const unit = await getUnit(scope.unitId);
    const notice = newNotice(id, input, times, sender, unit.name, resolved.targets, ctx.now);
    // Scheduled: how many it reaches today (counted again when it goes out).
    if (times.later) notice.recipientCount = resolved.users.length;
    await insertNotice(notice);
    ctx.audit(`notices/${notice._id}`, null, { ...notice, body: `${notice.body.length} 字` });
    if (notice.status === 'scheduled') {
      return { _id: notice._id, status: notice.status, recipientCount: resolved.users.length };
    }
    const { recipients, batches } = await prepareDelivery(notice, ctx.now, resolved);
    await startWorkers(Math.min(PARALLEL_WORKERS, batches));
    return { _id: notice._id, status: batches ? 'sending' : 'sent', recipientCount: recipients };
  },
});
