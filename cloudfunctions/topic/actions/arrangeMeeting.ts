import type { MeetingParticipation, TopicMeeting } from '@lxq/types';
import { MEETING_SIGN_IN_HOURS } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { insertNotice } from '../../shared/data/notices';
import { insertParticipations, meetingRowId } from '../../shared/data/topicParticipation';
import { getUnit } from '../../shared/data/units';
import { AppError, invalid } from '../../shared/errors';
import { HOUR } from '../../shared/limits';
import { checkTimes, newNotice } from '../../notice/domain/compose';
import { startWorkers } from '../../notice/domain/delivery/kick';
import { prepareDelivery } from '../../notice/domain/delivery/prepare';
import { refuseEmpty, resolveRecipients } from '../../notice/domain/delivery/resolve';
import { changeTopic, mustAllow } from '../domain/change';
import { staffTopic } from '../domain/load';
import { newMeetingSecret } from '../domain/meetingCode';

/** The notice's checks on the times, their messages under this form's own fields (at, replyBy). */
function meetingTimes(notice: Parameters<typeof checkTimes>[0], now: Date) {
  try {
    return checkTimes(notice, now);
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields) throw err;
    throw invalid(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^meeting\./, ''), v])));
  }
}

/** As notice.send starts them: a few workers now, the minute timer does the rest. */
const WORKERS = 4;

/**
 * 制定方案: staff arrange the topic's consultation meeting. It goes out through the notice module
 * as a meeting notice (members by sector, committee, workstation or name, inside the topic's
 * unit), so members reply to attend as to any meeting notice; each member invited gets a pending
 * sign-in row, and invited non-members are kept by name and phone on the topic. One meeting per
 * topic: the topic is marked first, so a second arrangement is refused before anything goes out.
 */
export default defineAction({
  name: 'topic.arrangeMeeting',
  roles: ['staff', 'admin'],
  mutates: true,
  limit: { windows: [{ seconds: HOUR, max: 20 }], durable: true },
  target: staffTopic,
  async handler(input, ctx, { doc }) {
    mustAllow(doc, 'arrange');
    const sender = await ctx.user();
    const notice = {
      ...input,
      meeting: { at: input.at, place: input.place, replyBy: input.replyBy },
      attachments: [],
      repeat: false,
      sendAt: undefined,
    };
    const times = meetingTimes(notice, ctx.now);
    const resolved = await resolveRecipients(doc.unitId, input.targets);
    refuseEmpty(resolved);
    const unit = await getUnit(doc.unitId);
    const built = newNotice(ctx.newId('notice'), notice, times, sender, unit.name, resolved.targets, ctx.now);
    // Filed under the topic's unit, whoever in the subtree arranged it: its staff follow it up.
    const n = { ...built, unitId: doc.unitId, unitPath: doc.unitPath, unitName: unit.name };
    const at = new Date(input.at);
    const meeting: TopicMeeting = {
      noticeId: n._id,
      title: input.title,
      at,
      place: input.place,
      replyBy: new Date(input.replyBy),
      closesAt: new Date(at.getTime() + MEETING_SIGN_IN_HOURS * 3_600_000),
      guests: input.guests,
      invited: resolved.users.length,
      codeSecret: newMeetingSecret(),
      arrangedByName: sender.name,
      arrangedAt: ctx.now,
    };
    const guests = input.guests.map((g) => g.name).join('、');
    await changeTopic({
      topic: doc,
      action: 'arrange',
      set: { meeting },
      where: { meeting: null },
      record: {
        kind: 'record',
        text: `安排协商会议「${input.title}」：${input.place}，邀请委员 ${resolved.users.length} 人${guests ? `，特邀 ${guests}` : ''}`,
        by: sender._id,
        byName: sender.name,
        at: ctx.now,
        attachments: [],
      },
      now: ctx.now,
    });
    const rows: MeetingParticipation[] = resolved.users.map((u) => ({
      _id: meetingRowId(doc._id, u._id),
      kind: 'meeting',
      topicId: doc._id,
      topicTitle: doc.title,
      unitPath: doc.unitPath,
      userId: u._id,
      openid: u.openid ?? null,
      name: u.name,
      countedAt: at,
      createdAt: ctx.now,
      at,
      place: input.place,
      closesAt: meeting.closesAt,
      outcome: 'pending',
      signedInAt: null,
    }));
    await insertParticipations(rows);
    await insertNotice(n);
    const { batches } = await prepareDelivery(n, ctx.now, resolved);
    await startWorkers(Math.min(WORKERS, batches));
    // The audit names who was invited and the notice, not the code's secret nor the guests' phones.
    const after = { noticeId: n._id, title: input.title, at, place: input.place, invited: rows.length, guests };
    ctx.audit(`topics/${doc._id}`, { meeting: null }, { meeting: after, notice: n.targetSummary });
    return { noticeId: n._id, invited: resolved.users.length, guests: input.guests.length };
  },
});
