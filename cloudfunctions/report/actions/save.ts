import { defineAction } from '../../shared/action';
import { checkContent } from '../../shared/concerns/content';
import { invalidState } from '../../shared/errors';
import { byAuthor, refusal } from '../domain/machine';
import { moveReport } from '../domain/change';
import { atDesk, editableReport } from '../domain/load';

const FIELDS = ['title', 'situation', 'problems', 'suggestions', 'reporter'] as const;

/**
 * The author edits a draft or a returned report; the desk holding a submitted one edits it
 * before deciding. Every part passes the content check on its own field. Round trips for the
 * author: the report, the guarded update, the audit entry.
 */
export default defineAction({
  name: 'report.save',
  // Open at the door: the target admits the author by openid (no user look-up) or staff at the desk.
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: editableReport,
  async handler(input, ctx, { doc: r, as }) {
    if (!(as === 'submitter' && byAuthor(r.status, 'edit'))) {
      await atDesk(r, ctx);
      // The desk edits what it has received; a draft or a returned report is the author's.
      if (r.status !== 'submitted') throw invalidState(refusal(r.status, 'edit'));
    }
    await Promise.all(FIELDS.map((f) => checkContent(ctx.openid, { text: input[f], textField: f })));
    const body = Object.fromEntries(FIELDS.map((f) => [f, input[f]]));
    const after = await moveReport(r, 'edit', ctx.now, { set: body });
    ctx.audit(`reports/${r._id}`, Object.fromEntries(FIELDS.map((f) => [f, r[f]])), body);
    return { status: after.status };
  },
});
