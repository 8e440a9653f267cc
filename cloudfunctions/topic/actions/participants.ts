import type { MeetingParticipation, MeetingPersonRow, ResearchParticipation } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { listAll } from '../../shared/data/noticeRecipients';
import { participationOfTopic } from '../../shared/data/topicParticipation';
import { iso } from '../../shared/time';
import { staffTopic } from '../domain/load';
import { outcomeOf, taskRow } from '../domain/participation';

const byName = new Intl.Collator('zh-CN');

/**
 * The topic's meeting as staff follow it: each member invited with their notice reply (参会回执)
 * and their sign-in (on time, late, absent once sign-in closed), the guests, and the research
 * tasks with who has done theirs.
 */
export default defineAction({
  name: 'topic.participants',
  roles: ['staff', 'admin'],
  mutates: false,
  target: staffTopic,
  async handler(_input, ctx, { doc }) {
    const m = doc.meeting ?? null;
    const [rows, replies] = await Promise.all([
      participationOfTopic(doc._id),
      m ? listAll(m.noticeId, 'all', 0, 1000) : Promise.resolve([]),
    ]);
    const replyOf = new Map(replies.map((r) => [r.userId, r.reply]));
    const people: MeetingPersonRow[] = rows
      .filter((r): r is MeetingParticipation => r.kind === 'meeting')
      .map((r) => {
        const reply = replyOf.get(r.userId) ?? null;
        return {
          userId: r.userId,
          name: r.name,
          reply: reply ? { ...reply, at: iso(reply.at) } : null,
          outcome: outcomeOf(r, ctx.now),
          signedInAt: iso(r.signedInAt),
        };
      })
      .sort((a, b) => byName.compare(a.name, b.name));
    const tasks = rows
      .filter((r): r is ResearchParticipation => r.kind === 'research')
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((t) => taskRow(t, ctx.now));
    const count = (f: (p: MeetingPersonRow) => boolean) => people.filter(f).length;
    return {
      meeting: m && {
        noticeId: m.noticeId,
        title: m.title,
        at: iso(m.at),
        place: m.place,
        replyBy: iso(m.replyBy),
        closesAt: iso(m.closesAt),
        closed: ctx.now > m.closesAt,
        guests: m.guests,
        counts: {
          invited: people.length,
          attending: count((p) => p.reply?.attending === true),
          notAttending: count((p) => p.reply?.attending === false),
          onTime: count((p) => p.outcome === 'on_time'),
          late: count((p) => p.outcome === 'late'),
          absent: count((p) => p.outcome === 'absent'),
        },
      },
      people,
      tasks,
    };
  },
});
