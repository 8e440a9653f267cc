import type { Concern, ConcernListItem } from '@lxq/types';
import { maskPhone } from '../../shared/mask';
import { iso } from '../../shared/time';

/** A row of a concern list. Handlers see the submitter masked, and nothing of an anonymous one. */
export function toListItem(c: Concern, audience: 'submitter' | 'handler'): ConcernListItem {
  const item: ConcernListItem = {
    _id: c._id,
    title: c.title,
    category: c.category,
    status: c.status,
    workstationName: c.workstationName,
    createdAt: iso(c.createdAt),
  };
  if (audience === 'handler') {
    item.submitter = c.anonymous ? '匿名群众' : '群众';
    item.phone = c.anonymous ? null : maskPhone(c.phone);
  }
  return item;
}
