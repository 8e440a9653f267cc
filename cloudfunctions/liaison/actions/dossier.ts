import { termsOf } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { invalid, invalidState } from '../../shared/errors';
import { inChina } from '../../shared/time';
import { readDossier, storeDossier } from '../domain/makeDossier';

/**
 * 履职档案: everything the member did in a year, or in a term (届) across its years (duty,
 * receptions, liaison, concerns answered), as a Word document for the 述职, stored and answered
 * as a link with its figures. 4 round trips: the caller, the records, the shifts with their
 * receptions, and the names with the answered concerns and the unit's sessions. A term comes with
 * the years the member's list gave: the sessions read alongside confirm them, so the span needs
 * no read of its own.
 */
export default defineAction({
  name: 'liaison.dossier',
  roles: ['member'],
  mutates: false,
  async handler(input, ctx) {
    const user = await ctx.user();
    const thisYear = inChina(ctx.now).year();
    const year = input.term ? null : (input.year ?? thisYear);
    if (year !== null && year > thisYear) throw invalid({ year: '该年度尚未开始' });
    const asked = input.term;
    if (asked && (asked.toYear < asked.fromYear || asked.toYear - asked.fromYear > 4 || asked.toYear > thisYear)) {
      throw invalid({ term: '届次的年份无效' });
    }
    const claimed = asked
      ? { ...asked, current: false, label: `${asked.name}（${asked.fromYear}—${asked.toYear}年）` }
      : null;
    const read = await readDossier(user, { year, term: claimed });
    const terms = termsOf(read.named.sessions, thisYear);
    if (!asked) return storeDossier(user, { year, term: null }, read, terms, ctx.now);
    const term = terms.find((t) => t.name === asked.name);
    if (!term) throw invalid({ term: '没有这个届次' });
    if (term.fromYear !== asked.fromYear || term.toYear !== asked.toYear) {
      throw invalidState('届次的年份已有变化，请刷新后重试');
    }
    return storeDossier(user, { year: null, term }, read, terms, ctx.now);
  },
});
