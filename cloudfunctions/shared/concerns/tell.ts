/**
 * What a concern's people are told, through the shared notify(): the submitter on every status
 * change (subscribe message concernStatus when one remains, the inbox always), and a member when
 * a concern is assigned to them. A failed notification never fails the change itself.
 */
import { CONCERN_ACTION_LABELS, CONCERN_STATUS_LABELS, type Concern, type ConcernAction } from '@lxq/types';
import { notify } from '../notify';

export const detailPage = (id: string) => `pages/concern/detail?id=${id}`;

export async function tellSubmitter(c: Concern, action: ConcernAction, note: string, id: string, now: Date) {
  if (!c.submitterOpenid) return; // recorded for someone with no WeChat account we know
  const status = CONCERN_STATUS_LABELS[c.status];
  await notify(
    {
      id,
      openid: c.submitterOpenid,
      kind: 'concern',
      title: `您的诉求${status}`,
      body: `「${c.title}」${CONCERN_ACTION_LABELS[action]}${note ? `：${note}` : ''}`,
      page: detailPage(c._id),
      refId: c._id,
      push: {
        template: 'concernStatus',
        values: { thing1: c.title, phrase2: status, time3: now, thing4: note || status },
      },
    },
    now,
  ).catch((err) => console.error('[notify submitter]', err));
}

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
  ).catch((err) => console.error('[notify assignee]', err));
}
