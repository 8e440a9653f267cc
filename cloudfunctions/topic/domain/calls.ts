import type { TopicCall, TopicCallView } from '@lxq/types';
import { iso } from '../../shared/time';

export const callView = (c: TopicCall, now: Date): TopicCallView => ({
  _id: c._id,
  title: c.title,
  intro: c.intro,
  closesAt: iso(c.closesAt),
  proposals: c.proposals,
  open: new Date(c.closesAt).getTime() > now.getTime(),
});

/** The end of a China day given as YYYY-MM-DD (China keeps no daylight saving). */
export const endOfChinaDay = (day: string) => new Date(`${day}T23:59:59.999+08:00`);
