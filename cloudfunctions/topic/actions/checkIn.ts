import { MEETING_SIGN_IN_OPENS_MINUTES, type MeetingOutcome } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getTopic } from '../../shared/data/topics';
import { myMeetingRow, signInToMeeting } from '../../shared/data/topicParticipation';
import { forbidden, invalid, invalidState, notFound } from '../../shared/errors';
import { MINUTE } from '../../shared/limits';
import { inChina, iso } from '../../shared/time';
import { meetingCodeIsValid, parseMeetingCode } from '../domain/meetingCode';

const BAD_CODE = '签到码无效或已过期，请扫描会场屏幕上的最新二维码';
const answer = (topicId: string, title: string, outcome: MeetingOutcome, at: Date | null, already: boolean) => ({
  topicId,
  title,
  outcome,
  signedInAt: iso(at),
  already,
});

/**
 * A member signs in at the consultation meeting by scanning the code on the meeting's screen,
 * with the workstation sign-in rules: open 30 minutes before the start, on time until the start,
 * late after it, closed three hours after it (whoever has not signed in is then absent). Open to
 * 'citizen' at the router on purpose: the invitation names the member by openid, so no user is
 * loaded: the topic, the conditional sign-in and the audit entry, 3 round trips (4 when already
 * signed in).
 */
export default defineAction({
  name: 'topic.checkIn',
  roles: ['citizen'],
  mutates: true,
  // The sign-in is guarded by the invitation still pending: a retry finds it signed and answers.
  retrySafe: true,
  // Attempts, failed ones included: guessing a 6-digit code takes thousands.
  limit: { windows: [{ seconds: 10 * MINUTE, max: 10 }], attempts: true },
  async handler(input, ctx) {
    const parsed = parseMeetingCode(input.code, input.topicId);
    if (!parsed) throw invalid({ code: BAD_CODE });
    const topic = await getTopic(parsed.topicId);
    const m = topic?.meeting;
    if (!topic || !m) throw notFound('会议不存在或已取消');
    const opens = new Date(m.at.getTime() - MEETING_SIGN_IN_OPENS_MINUTES * 60_000);
    if (ctx.now < opens) throw invalidState(`签到尚未开始，${inChina(opens).format('M月D日 HH:mm')} 起可签到`);
    if (ctx.now > m.closesAt) throw invalidState(`会议签到已于 ${inChina(m.closesAt).format('M月D日 HH:mm')} 结束`);
    if (!meetingCodeIsValid(m.codeSecret, topic._id, parsed.code, ctx.now)) throw invalid({ code: BAD_CODE });
    const outcome: MeetingOutcome = ctx.now > m.at ? 'late' : 'on_time';
    if (await signInToMeeting(topic._id, ctx.openid, { outcome, signedInAt: ctx.now })) {
      ctx.audit(`topics/${topic._id}/meeting/${ctx.openid}`, { outcome: 'pending' }, { outcome, signedInAt: ctx.now });
      return answer(topic._id, m.title, outcome, ctx.now, false);
    }
    const mine = await myMeetingRow(topic._id, ctx.openid);
    if (!mine) throw forbidden('您不在本次会议的参会名单中，请联系会议组织人员');
    return answer(topic._id, m.title, mine.outcome, mine.signedInAt, true);
  },
});
