import { defineAction } from '../../shared/action';
import { stripPersonal } from '../../shared/data/retention';
import { concernWithoutPerson, receptionWithoutPerson } from '../../shared/personal';
import { findPerson, subjectLabel } from '../domain/subject';

/**
 * At the person's request, staff remove their personal data from everything found (as the
 * retention job does when the period ends): the concerns and receptions stay, for the figures,
 * without anything that names or locates them. Audited with the ids it changed; a retry or a second
 * request changes nothing more.
 */
export default defineAction({
  name: 'concern.subjectErase',
  roles: ['staff', 'admin'],
  mutates: true,
  retrySafe: true,
  async handler(who, ctx) {
    const { concerns, receptions } = await findPerson(await ctx.scopeUnitId(), who);
    const erased = { concerns: [] as string[], receptions: [] as string[] };
    for (const c of concerns) {
      if (c.deidentifiedAt) continue;
      if (await stripPersonal('concerns', c._id, await concernWithoutPerson(c, ctx.now))) erased.concerns.push(c._id);
    }
    for (const r of receptions) {
      if (r.deidentifiedAt) continue;
      if (await stripPersonal('receptions', r._id, receptionWithoutPerson(ctx.now))) erased.receptions.push(r._id);
    }
    ctx.audit(`subjects/${subjectLabel(who)}`, null, { erased });
    return { concerns: erased.concerns.length, receptions: erased.receptions.length };
  },
});
