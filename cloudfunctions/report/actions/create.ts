import type { Report } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getConcernsByIds } from '../../shared/data/concerns';
import { getRecordsByIds, insertReport } from '../../shared/data/reports';
import { invalid } from '../../shared/errors';
import { prefill } from '../domain/prefill';
import { homeOf, mayPickConcern, mayPickRecord } from '../domain/sources';

/**
 * A draft from the concerns and liaison records the author picked, prefilled in the official
 * layout with citizens' personal data removed. Round trips: the caller, the concerns, the records
 * (each only when picked), the insert, the audit entry.
 */
export default defineAction({
  name: 'report.create',
  roles: ['member', 'staff', 'admin'],
  mutates: true,
  // The insert's id comes from ctx.newId(): a retry fails on it and gets the first answer.
  retrySafe: true,
  async handler({ concernIds, liaisonIds }, ctx) {
    const user = await ctx.user();
    const author = { openid: ctx.openid, user };
    const [concerns, records] = await Promise.all([
      concernIds.length ? getConcernsByIds(concernIds) : Promise.resolve(new Map()),
      getRecordsByIds(liaisonIds),
    ]);
    const picked = concernIds.map((id) => concerns.get(id));
    if (picked.some((c) => !c || !mayPickConcern(author, c)))
      throw invalid({ concernIds: '所选诉求不存在、尚未受理或不由您办理' });
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
