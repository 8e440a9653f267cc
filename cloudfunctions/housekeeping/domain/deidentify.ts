/**
 * The privacy page's promise: "诉求办结后保存 N 年……期满后删除或去除个人信息", N being the unit's
 * setting (DEFAULT_RETENTION_YEARS unless its admin set another). Past it, a finished concern and a
 * duty reception lose the person's data (shared/personal.ts says what that is). Oldest first, a
 * page at a time, within the time it is given; each page is audited.
 */
import { DEFAULT_RETENTION_YEARS, type Concern, type ConcernStatus, type Reception } from '@lxq/types';
import { insertAudit } from '../../shared/data/audit';
import { notDeidentified, retentionYearsByUnit, stripPersonal } from '../../shared/data/retention';
import { concernWithoutPerson, receptionWithoutPerson } from '../../shared/personal';

const PAGE = 100;
/** A concern in one of these is finished: its retention runs from its last change. */
const FINISHED: readonly ConcernStatus[] = ['closed', 'rejected', 'duplicate', 'withdrawn'];

const yearsBefore = (now: Date, years: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
};

/** The unit's own setting, else its nearest ancestor's, else the default. */
function yearsFor(unitPath: string[], settings: Map<string, number>): number {
  for (let i = unitPath.length - 1; i >= 0; i--) {
    const y = settings.get(unitPath[i]);
    if (y) return y;
  }
  return DEFAULT_RETENTION_YEARS;
}

export async function deidentifyExpired(now: Date, budgetMs: number) {
  const stopAt = Date.now() + budgetMs;
  const settings = await retentionYearsByUnit();
  // Nothing is due before the shortest retention any unit applies.
  const earliest = yearsBefore(now, Math.min(DEFAULT_RETENTION_YEARS, ...settings.values()));
  const done = { concerns: 0, receptions: 0 };
  let unfinished = false;

  const pass = async <T extends { _id: string; unitPath: string[] }>(
    collection: 'concerns' | 'receptions',
    field: 'updatedAt' | 'createdAt',
    due: (doc: T) => boolean,
    strip: (doc: T) => Promise<Record<string, unknown>>,
  ) => {
    let after = new Date(0);
    for (;;) {
      if (Date.now() > stopAt) return (unfinished = true);
      const page = await notDeidentified<T>(collection, field, after, earliest, PAGE);
      const stripped: string[] = [];
      for (const doc of page) {
        const anchor = (doc as unknown as Record<string, Date>)[field];
        if (!due(doc) || anchor >= yearsBefore(now, yearsFor(doc.unitPath, settings))) continue;
        if (await stripPersonal(collection, doc._id, await strip(doc))) {
          stripped.push(doc._id);
        }
      }
      if (stripped.length) {
        done[collection] += stripped.length;
        await insertAudit({
          _id: `retention:${collection}:${stripped[0]}`,
          actor: 'housekeeping',
          actorUserId: null,
          action: 'retention.deidentify',
          target: collection,
          before: null,
          after: { ids: stripped },
          at: now,
          result: null,
        });
      }
      if (page.length < PAGE) return false;
      after = (page[page.length - 1] as unknown as Record<string, Date>)[field];
    }
  };

  await pass<Concern>(
    'concerns',
    'updatedAt',
    (c) => FINISHED.includes(c.status),
    (c) => concernWithoutPerson(c, now),
  );
  if (!unfinished) {
    await pass<Reception>(
      'receptions',
      'createdAt',
      () => true,
      async () => receptionWithoutPerson(now),
    );
  }
  return { ...done, unfinished };
}
