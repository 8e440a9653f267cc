import { defineAction } from '../../shared/action';
import { tempFileUrls } from '../../shared/cloud';
import { getConcern, markSeenBySubmitter } from '../../shared/data/concerns';
import { getSectorsByIds } from '../../shared/data/sectors';
import { visibleConcern } from '../domain/load';
import { toView, type Audience } from '../domain/view';

/**
 * One concern for whoever may see it: its submitter, its assigned member, or staff in scope.
 * Round trips: the concern, its sector (when it names one), the original (a merged one, for its
 * submitter), clearing the submitter's "有新进展" flag (when set); photos' URLs are storage.
 */
export default defineAction({
  name: 'concern.get',
  roles: ['citizen'],
  mutates: false,
  // Anyone else is told it does not exist: not even that it is there.
  target: visibleConcern,
  async handler(_input, ctx, { doc: c, as }) {
    const audience: Audience = as === 'assignee' ? 'handler' : as === 'submitter' ? 'submitter' : 'staff';
    const original = c.duplicateOf && audience === 'submitter' ? await getConcern(c.duplicateOf) : null;
    const files = [...(c.photos ?? []), ...(c.reply?.photos ?? []), ...(original?.reply?.photos ?? [])];
    const [urls, sectors] = await Promise.all([
      tempFileUrls(files),
      getSectorsByIds(c.sectorId ? [c.sectorId] : []),
      // Opening it is seeing what changed: the "有新进展" dot in 我的诉求 goes.
      audience === 'submitter' && c.submitterUnread ? markSeenBySubmitter(c._id) : null,
    ]);
    return toView(c, audience, { now: ctx.now, urls, sector: sectors.get(c.sectorId ?? '') ?? null, original });
  },
});
