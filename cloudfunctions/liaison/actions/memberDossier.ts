import type { User } from '@lxq/types';
import { termsOf } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { sessionsFor } from '../../shared/data/proposals';
import { getUser } from '../../shared/data/users';
import { invalid, notFound } from '../../shared/errors';
import { target } from '../../shared/target';
import { inChina } from '../../shared/time';
import { readDossier, storeDossier } from '../domain/makeDossier';

/**
 * Staff make the 履职档案 of a member of their subtree (for the office's 述职 files): the current
 * year unless a year or a term of the member's unit is named; a member whose term has ended
 * (换届) keeps theirs. Answers the member's terms to choose from.
 */
export default defineAction({
  name: 'liaison.memberDossier',
  roles: ['staff', 'admin'],
  mutates: false,
  target: target({
    load: async ({ memberId }: { memberId: string }) => {
      const user = await getUser(memberId);
      const wasMember = user && (user.roles.includes('member') || user.formerRoles?.includes('member'));
      if (!user || !wasMember) throw notFound('该委员不存在');
      return user;
    },
    may: { staffInScope: (user: User) => user.unitPath },
    refuse: '该委员不在您的管辖范围内',
  }),
  async handler(input, ctx, { doc: member }) {
    const thisYear = inChina(ctx.now).year();
    if (input.year && input.year > thisYear) throw invalid({ year: '该年度尚未开始' });
    const terms = termsOf(await sessionsFor(member.unitPath), thisYear);
    const term = input.term ? (terms.find((t) => t.name === input.term) ?? null) : null;
    if (input.term && !term) throw invalid({ term: '没有这个届次' });
    const asked = { year: term ? null : (input.year ?? thisYear), term };
    return storeDossier(member, asked, await readDossier(member, asked), terms, ctx.now);
  },
});
