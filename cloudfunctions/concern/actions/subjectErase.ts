import { defineAction } from '../../shared/action';
import { stripPersonal } from '../../shared/data/retention';
import { erasedBy } from '../../shared/data/subject';
import { concernWithoutPerson, receptionWithoutPerson } from '../../shared/personal';
import { requestMark } from '../../shared/resume';
import { findPerson, subjectLabel } from '../domain/subject';

/**
 * At the person's request, staff remove their personal data from everything found (as the
 * retention job does when the period ends): the concerns and receptions stay, for the figures,
 * without anything that names or locates them. Audited with the ids it changed; a second request
 * changes nothing more. Each erased record keeps the request's mark: what is erased can no longer
 * be found by the phone, so a retry after a crash collects its first run's work by the mark.
 */
export default defineAction({
  name: 'concern.subjectErase',
  roles: ['staff', 'admin'],
  mutates: true,
  retrySafe: true,
  async handler(who, ctx) {
    const mark = requestMark();
    const { concerns, receptions } = await findPerson(await ctx.scopeUnitId(), who);
    const erased = mark ? await erasedBy(mark) : { concerns: [] as string[], receptions: [] as string[] };
    for (const c of concerns) {
      if (c.deidentifiedAt || erased.concerns.includes(c._id)) continue;
      const set = { ...(await concernWithoutPerson(c, ctx.now)), erasedBy: mark };
      if (await stripPersonal('concerns', c._id, set)) erased.concerns.push(c._id);
    }
    for (const r of receptions) {
      if (r.deidentifiedAt || erased.receptions.includes(r._id)) continue;
      const set = { ...receptionWithoutPerson(ctx.now), erasedBy: mark };
      if (await stripPersonal('receptions', r._id, set)) erased.receptions.push(r._id);
    }
    ctx.audit(`subjects/${subjectLabel(who)}`, null, { erased });
    return { concerns: erased.concerns.length, receptions: erased.receptions.length };
  },
});
