import type { ShiftMember } from '@lxq/types';
import { notify } from '../../shared/notify';

export interface ShiftNotice {
  /** Deterministic per event, so a retried change tells nobody twice. */
  eventId: string;
  title: string;
  body: string;
  station: string;
  start: Date;
  /** Two to five Chinese characters: 已调整, 已取消, 已批准 … */
  change: string;
}

/** Tells each member concerned about a change to a shift (inbox always, push when subscribed). */
export async function tellMembers(members: Pick<ShiftMember, 'openid' | 'userId'>[], n: ShiftNotice, now: Date) {
  const seen = new Set<string>();
  let told = 0;
  for (const m of members) {
    if (!m.openid || seen.has(m.openid)) continue;
    seen.add(m.openid);
    await notify(
      {
        id: `${n.eventId}:${m.openid}`.slice(0, 64),
        openid: m.openid,
        kind: 'shift',
        title: n.title,
        body: n.body,
        page: '/member/duty/index',
        push: {
          template: 'shiftChange',
          values: { thing1: n.station, time2: n.start, thing3: n.title, phrase4: n.change },
        },
      },
      now,
    );
    told++;
  }
  return told;
}
