import type { Concern, Report } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getConcernsByIds } from '../../shared/data/concerns';
import { getRecordsWithMembers, insertReport } from '../../shared/data/reports';
import { invalid } from '../../shared/errors';
import { prefill } from '../domain/prefill';
import { homeOf, mayPickConcern, mayPickRecord } from '../domain/sources';

const NOT_YOURS = '所选诉求不存在、尚未受理或不由您办理';

/**
 * A draft from the concerns and liaison records the author picked, prefilled in the official
 * layout with citizens' personal data removed. Round trips for a member: the concerns and their
 * own records (with their user joined, so the caller needs no look-up of its own) read together,
 * the insert, the audit entry; the caller is read only when no record of theirs was picked.
 */
export default defineAction({
  name: 'report.create',
  // Open at the door: who may draft is decided by what they picked (a citizen can pick nothing).
  roles: ['citizen'],
  mutates: true,
  // The insert's id comes from ctx.newId(): a retry fails on it and gets the first answer.
  retrySafe: true,
  async handler({ concernIds, liaisonIds }, ctx) {
    const [concerns, records] = await Promise.all([
      concernIds.length ? getConcernsByIds(concernIds) : Promise.resolve(new Map<string, Concern>()),
      getRecordsWithMembers(liaisonIds),
    ]);
    const own = records.find((r) => r.member?.openid === ctx.openid)?.member;
    const user = own ?? (await ctx.caller()).user;
    if (!user || !user.roles.some((r) => r === 'member' || r === 'staff' || r === 'admin'))
      throw invalid(
        concernIds.length ? { concernIds: NOT_YOURS } : { liaisonIds: '所选联系记录不存在或不是您可以使用的' },
      );
    const author = { openid: ctx.openid, user };
    const picked = concernIds.map((id) => concerns.get(id));
    if (picked.some((c) => !c || !mayPickConcern(author, c))) throw invalid({ concernIds: NOT_YOURS });
    if (records.length !== new Set(liaisonIds).size || records.some((r) => !mayPickRecord(author, r)))
      throw invalid({ liaisonIds: '所选联系记录不存在或不是您可以使用的' });
    const home = homeOf(user);
    const doc: Report = {
      _id: ctx.newId('report'),
      ...prefill(
        user,
        picked.filter((c) => !!c),
        records,
      ),
      status: 'draft',
      authorId: user._id,
      authorOpenid: ctx.openid,
      authorName: user.name,
      sectorId: user.sectorId ?? null,
      unitId: home.unitId,
      unitPath: home.unitPath,
      atUnitId: home.unitId,
      atUnitPath: home.unitPath,
      concernIds: [...new Set(concernIds)],
      liaisonIds: [...new Set(liaisonIds)],
      submitterOpenids: [...new Set(picked.map((c) => c?.submitterOpenid ?? '').filter(Boolean))],
      decisions: [],
      instructions: [],
      adoptedLevels: [],
      year: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      submittedAt: null,
    };
    await insertReport(doc);
    ctx.audit(`reports/${doc._id}`, null, {
      status: doc.status,
      concernIds: doc.concernIds,
      liaisonIds: doc.liaisonIds,
    });
    return { _id: doc._id };
  },
});
