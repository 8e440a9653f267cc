/** Checks on a composed notice that need the clock, and the new notice record. */
import type { ActionParsed, Notice, ResolvedTarget, User } from '@lxq/types';
import { scopeUnitOf } from '../../shared/caller';
import { recentNotices } from '../../shared/data/notices';
import { AppError, invalid } from '../../shared/errors';
import { inputHash } from '../../shared/idempotency';
import { checkFiles } from '../../shared/files';
import { inChina } from '../../shared/time';
import { LEASE_MS } from './delivery/prepare';

type Input = ActionParsed<'notice.send'>;

/** A send time this close is "now". */
const NOW_SLACK_MS = 60_000;
const MAX_AHEAD_DAYS = 90;

export function checkTimes(input: Input, now: Date) {
  const fields: Record<string, string> = {};
  const sendAt = input.sendAt ? new Date(input.sendAt) : now;
  if (input.sendAt && sendAt.getTime() < now.getTime() - NOW_SLACK_MS) fields.sendAt = '发送时间已过，请重新选择';
  if (sendAt.getTime() > now.getTime() + MAX_AHEAD_DAYS * 86_400_000)
    fields.sendAt = `定时发送最多提前 ${MAX_AHEAD_DAYS} 天`;
  let meeting: Notice['meeting'] = null;
  if (input.meeting) {
    const at = new Date(input.meeting.at);
    const replyBy = new Date(input.meeting.replyBy);
    if (at <= sendAt) fields['meeting.at'] = '会议时间应晚于发送时间';
    if (inChina(replyBy).endOf('day').valueOf() < sendAt.getTime()) fields['meeting.replyBy'] = '回执截止日期已过';
    else if (inChina(replyBy).startOf('day').valueOf() > at.getTime())
      fields['meeting.replyBy'] = '回执截止日期不能晚于会议时间';
    meeting = { at, place: input.meeting.place, replyBy };
  }
  if (Object.keys(fields).length) throw invalid(fields);
  const later = sendAt.getTime() > now.getTime() + NOW_SLACK_MS;
  return { sendAt: later ? sendAt : now, later, meeting };
}

/**
 * A notice carries only files its sender put in their own folder of cloud storage (see
 * noticeFileFolder), of the kind they claim to be, and still there: anything else is refused by
 * its place in the list.
 */
export async function checkAttachments(attachments: Input['attachments'], openid: string) {
  await checkFiles(
    openid,
    'notice-files',
    attachments.map((a, i) => ({
      fileID: a.fileId,
      field: `attachments.${i}`,
      kind: a.kind,
      label: `附件「${a.name}」`,
    })),
  );
}

/**
 * The same notice (title, body, targets) sent by the same person in the last day is refused once
 * with CONFLICT, so a double tap or a second tab does not reach everyone twice; the sender
 * confirms with `repeat`.
 */
export async function refuseRepeat(input: Input, sender: User, unitId: string, now: Date, ownId: string) {
  if (input.repeat) return;
  const targets = inputHash(input.targets);
  const same = (await recentNotices(unitId, new Date(now.getTime() - 86_400_000))).find(
    (n) =>
      // The notice this very request stored before it died is no repeat: its retry finishes it.
      n._id !== ownId &&
      n.createdBy === sender._id &&
      n.status !== 'cancelled' &&
      n.title === input.title &&
      n.body === input.body &&
      inputHash(n.targets) === targets,
  );
  if (same) {
    throw new AppError(
      'CONFLICT',
      `这条通知已于${inChina(same.createdAt).format('M月D日 HH:mm')}发给同样的人；确认要再发一次，请再点“发送”`,
    );
  }
}

export function newNotice(
  id: string,
  input: Input,
  times: ReturnType<typeof checkTimes>,
  sender: User,
  unitName: string,
  targets: ResolvedTarget[],
  now: Date,
): Notice {
  return {
    _id: id,
    unitId: scopeUnitOf(sender).unitId,
    unitPath: scopeUnitOf(sender).unitPath,
    unitName,
    title: input.title,
    body: input.body,
    attachments: input.attachments,
    meeting: times.meeting,
    targets: input.targets,
    targetSummary: summary(targets),
    status: times.later ? 'scheduled' : 'preparing',
    sendAt: times.sendAt,
    leaseUntil: new Date(now.getTime() + LEASE_MS),
    recipientCount: 0,
    batchCount: 0,
    createdBy: sender._id,
    createdByName: sender.name,
    createdAt: now,
    sentAt: null,
    remindCount: 0,
    lastRemindAt: null,
    remindAfter: new Date(0),
  };
}

/** "民建、农工党 · 经济委 · 全部委员 · 指定 3 人" */
function summary(targets: ResolvedTarget[]): string {
  const names = (kind: ResolvedTarget['kind']) =>
    targets
      .filter((t) => t.kind === kind)
      .map((t) => t.name)
      .join('、');
  const users = targets.find((t) => t.kind === 'user');
  return [
    names('sector'),
    names('committee'),
    names('workstation'),
    names('role'),
    users ? `指定 ${users.count} 人` : '',
  ]
    .filter(Boolean)
    .join(' · ')
    .slice(0, 200);
}
