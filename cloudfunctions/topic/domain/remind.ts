/**
 * The daily timer's one way of telling someone that something of a topic is overdue: an inbox item
 * and a 待办提醒 push, under an id carrying the China day, so a retried trigger tells nobody twice.
 */
import { notify } from '../../shared/notify';

export interface OverdueReminder {
  /** Unique per thing, person and China day. */
  id: string;
  openid: string;
  title: string;
  body: string;
  page: string;
  refId: string;
  /** The push's two lines: what is overdue, and how. */
  thing: string;
  state: string;
}

export const remindOverdue = (r: OverdueReminder, now: Date) =>
  notify(
    {
      id: r.id,
      openid: r.openid,
      kind: 'reminder',
      title: r.title,
      body: r.body,
      page: r.page,
      refId: r.refId,
      push: { template: 'taskReminder', values: { thing1: r.thing, thing2: r.state, time3: now } },
    },
    now,
  );
