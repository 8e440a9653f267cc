import type { Concern } from '@lxq/types';
import { defineAction, type ActionContext } from '../../shared/action';
import { mayAct } from '../../shared/caller';
import { tempFileUrls } from '../../shared/cloud';
import { getConcern, markSeenBySubmitter } from '../../shared/data/concerns';
import { getSectorsByIds } from '../../shared/data/sectors';
import { notFound } from '../../shared/errors';
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
  async handler({ id }, ctx) {
    const c = await getConcern(id);
    if (!c) throw notFound('诉求不存在或已删除');
    const audience = await audienceOf(c, ctx);
    // Anyone else is told it does not exist: not even that it is there.
    if (!audience) throw notFound('诉求不存在或已删除');
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

async function audienceOf(c: Concern, ctx: ActionContext): Promise<Audience | null> {
  if (c.assigneeOpenid && c.assigneeOpenid === ctx.openid) return 'handler';
  if (c.submitterOpenid && c.submitterOpenid === ctx.openid) return 'submitter';
  return mayAct(await ctx.caller(), ['staff', 'admin'], c.unitPath) ? 'staff' : null;
}
