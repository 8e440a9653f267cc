import { defineAction } from '../../shared/action';
import { recentSources } from '../../shared/data/reports';
import { iso, inChina } from '../../shared/time';
import { mayPickConcern, sourceWho } from '../domain/sources';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The lists a draft is picked from: the newest 50 concerns and liaison records the caller may use. */
export default defineAction({
  name: 'report.sources',
  roles: ['member', 'staff', 'admin'],
  mutates: false,
  async handler(_input, ctx) {
    const author = { openid: ctx.openid, user: await ctx.user() };
    const { concerns, records } = await recentSources(sourceWho(author), 50);
    return {
      concerns: concerns
        .filter((c) => mayPickConcern(author, c))
        .map((c) => ({ _id: c._id, title: c.title, status: c.status, createdAt: iso(c.createdAt) })),
      records: records.map((r) => ({
        _id: r._id,
        date: inChina(r.date).format('YYYY-MM-DD'),
        place: r.place,
        summary: clip(r.summary, 40),
      })),
    };
  },
});
