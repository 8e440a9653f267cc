/**
 * What a concern's people are told. The submitter, on every change they should hear of: a flag
 * on the concern itself (`submitterUnread`, set by changeConcern in the same conditional update;
 * citizens have no inbox page, 我的诉求 shows "有新进展"), and the subscribe message
 * concernStatus when one remains — no database round trip, and sent only after the conditional
 * change applied, so a retried request never pushes twice. A member, when a concern is assigned
 * to them, through the shared notify() (inbox and push). A failed notification never fails the
 * change itself.
 */
import { CONCERN_STATUS_LABELS, type Concern } from '@lxq/types';
import { notify, sendSubscribeMessage } from '../notify';

export const detailPage = (id: string) => `pages/concern/detail?id=${id}`;

/** The subscribe message to the submitter; `note` says what happened (a reason, "请查看并评价" …). */
export async function pushToSubmitter(c: Concern, note: string, now: Date) {
  if (!c.submitterOpenid) return; // recorded for someone with no WeChat account we know
  const status = CONCERN_STATUS_LABELS[c.status];
  const outcome = await sendSubscribeMessage(c.submitterOpenid, 'concernStatus', detailPage(c._id), {
    thing1: c.title,
    phrase2: status,
    time3: now,
    thing4: note || status,
  });
  if (outcome === 'error') console.error('[push submitter]', c._id);
}

/**
 * The assignee's inbox item (and push). A failure fails the call, so its retry delivers it (the
 * item's id comes from the request: once, never twice).
 */
export async function tellAssignee(c: Concern, openid: string, id: string, now: Date) {
  await notify(
    {
      id,
      openid,
      kind: 'concern',
      title: '有一条群众诉求交给您办理',
      body: `「${c.title}」${c.dueAt ? '，请在期限内答复' : ''}`,
      page: `member/assigned/detail?id=${c._id}`,
      refId: c._id,
      push: {
        template: 'taskReminder',
        values: { thing1: c.title, thing2: '新交办的群众诉求', time3: c.dueAt ?? now },
      },
    },
    now,
  );
}
