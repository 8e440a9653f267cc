import { defineAction } from '../../shared/action';
import { invalidState } from '../../shared/errors';
import { iso } from '../../shared/time';
import { staffTopic } from '../domain/load';
import { currentMeetingCode, meetingQrText } from '../domain/meetingCode';
import { qrSvgDataUrl } from '../domain/qrSvg';

/** The meeting screen's current sign-in code and its QR image; the page asks again every 30 s. */
export default defineAction({
  name: 'topic.meetingCode',
  roles: ['staff', 'admin'],
  mutates: false,
  target: staffTopic,
  async handler(_input, ctx, { doc }) {
    const m = doc.meeting;
    if (!m) throw invalidState('本议题尚未安排协商会议');
    if (ctx.now > m.closesAt) throw invalidState('会议签到已结束');
    const { code, expiresAt } = currentMeetingCode(m.codeSecret, doc._id, ctx.now);
    const text = meetingQrText(doc._id, code);
    const qr = qrSvgDataUrl(text);
    return { code, qr, text, expiresAt: iso(expiresAt), title: m.title };
  },
});
