import { MEETING_SIGN_IN_OPENS_MINUTES, type MeetingOutcome, type MeetingParticipation, type Topic } from '@lxq/types';
import { defineAction, type ActionContext } from '../../shared/action';
import { getTopic } from '../../shared/data/topics';
import { myMeetingRow, signInToMeeting } from '../../shared/data/topicParticipation';
import { forbidden, invalid, invalidState, notFound, type AppError } from '../../shared/errors';
import { MINUTE } from '../../shared/limits';
import { alreadyChanged } from '../../shared/rewind';
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

/** Why the code cannot sign anyone in at `now`; null when it can. */
function refusal(m: NonNullable<Topic['meeting']>, topicId: string, code: string, now: Date): AppError | null {
  const opens = new Date(m.at.getTime() - MEETING_SIGN_IN_OPENS_MINUTES * 60_000);
  if (now < opens) return invalidState(`签到尚未开始，${inChina(opens).format('M月D日 HH:mm')} 起可签到`);
  if (now > m.closesAt) return invalidState(`会议签到已于 ${inChina(m.closesAt).format('M月D日 HH:mm')} 结束`);
  if (!meetingCodeIsValid(m.codeSecret, topicId, code, now)) return invalid({ code: BAD_CODE });
  return null;
}

/** The sign-in as made, audited and answered (for a retry: as the call that made it answered). */
function signedIn(ctx: ActionContext, topic: Topic, outcome: MeetingOutcome, at: Date) {
  ctx.audit(`topics/${topic._id}/meeting/${ctx.openid}`, { outcome: 'pending' }, { outcome, signedInAt: at });
  return answer(topic._id, topic.meeting!.title, outcome, at, false);
}

/** The caller's own invitation when this request signed it in before dying (rewind.ts). */
async function signedInByThisRequest(topicId: string, openid: string): Promise<MeetingParticipation | null> {
  const mine = await myMeetingRow(topicId, openid);
  return mine && alreadyChanged(mine) ? mine : null;
}

/**
 * A member signs in at the consultation meeting by scanning the code on the meeting's screen,
 * with the workstation sign-in rules: open 30 minutes before the start, on time until the start,
 * late after it, closed three hours after it (whoever has not signed in is then absent). Open to
 * 'citizen' at the router on purpose: the invitation names the member by openid, so no user is
 * loaded: the topic, the conditional sign-in and the audit entry, 3 round trips (4 when already
 * signed in). A retry of a sign-in that went through is answered as that call was, on time or
 * late by its time, however late the retry comes (the code expired, sign-in closed).
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
    const refused = refusal(m, topic._id, parsed.code, ctx.now);
    if (refused) {
      const mine = await signedInByThisRequest(topic._id, ctx.openid);
      if (mine?.signedInAt) return signedIn(ctx, topic, mine.outcome, mine.signedInAt);
      throw refused;
    }
    const outcome: MeetingOutcome = ctx.now > m.at ? 'late' : 'on_time';
    if (await signInToMeeting(topic._id, ctx.openid, { outcome, signedInAt: ctx.now })) {
      return signedIn(ctx, topic, outcome, ctx.now);
    }
    const mine = await myMeetingRow(topic._id, ctx.openid);
    if (!mine) throw forbidden('您不在本次会议的参会名单中，请联系会议组织人员');
    if (alreadyChanged(mine) && mine.signedInAt) return signedIn(ctx, topic, mine.outcome, mine.signedInAt);
    return answer(topic._id, m.title, mine.outcome, mine.signedInAt, true);
  },
});
