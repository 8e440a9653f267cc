/**
 * The privacy page's promise: "诉求办结后保存 N 年……期满后删除或去除个人信息", N being the unit's
 * setting (DEFAULT_RETENTION_YEARS unless its admin set another). Past it, a finished concern loses
 * its phone, the submitter's openid (in the concern and its timeline), its photos (the files are
 * deleted) and the exact place (rounded to about a kilometre, address dropped); a duty reception
 * loses the visitor's name and phone. Category, status, unit, dates and text stay, so the statistics
 * are unchanged. Oldest first, a page at a time, within the time it is given; each page is audited.
 */
import { DEFAULT_RETENTION_YEARS, type Concern, type ConcernStatus, type Reception } from '@lxq/types';
import { insertAudit } from '../../shared/data/audit';
import { deleteFiles, notDeidentified, retentionYearsByUnit, stripPersonal } from '../../shared/data/retention';

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

/** About a kilometre: enough for where concerns gather, not for whose door it was. */
const coarse = (v: number) => Math.round(v * 100) / 100;

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
        if (await stripPersonal(collection, doc._id, { ...(await strip(doc)), deidentifiedAt: now })) {
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
    async (c) => {
      await deleteFiles([...(c.photos ?? []), ...(c.reply?.photos ?? [])]);
      return {
        phone: null,
        submitterOpenid: '',
        location: c.location ? { lat: coarse(c.location.lat), lng: coarse(c.location.lng) } : null,
        address: null,
        photos: [],
        ...(c.reply ? { 'reply.photos': [] } : {}),
        mediaChecks: [],
        hiddenPhotos: [],
        timeline: c.timeline.map((e) => (e.by && e.by === c.submitterOpenid ? { ...e, by: '' } : e)),
      };
    },
  );
  if (!unfinished) {
    await pass<Reception>(
      'receptions',
      'createdAt',
      () => true,
      async () => ({ visitorName: null, visitorPhone: null }),
    );
  }
  return { ...done, unfinished };
}
