/**
 * A topic as staff see it (everything but the openids it keeps to tell people), and as the public
 * sees it once published (公开公示): the steps reached and the three lists, with no person's name.
 */
import {
  TOPIC_ACTIONS,
  isPublished,
  stepIndex,
  type Topic,
  type TopicItem,
  type TopicPublicView,
  type TopicView,
} from '@lxq/types';
import { tempFileUrls } from '../../shared/cloud';
import { getSectorsByIds } from '../../shared/data/sectors';
import { workstationsByIds } from '../../shared/data/workstations';
import { iso } from '../../shared/time';
import { allowed } from './steps';

const itemView = (i: TopicItem) => ({
  no: i.no,
  suggestion: i.suggestion,
  department: i.department ?? '',
  owner: i.owner ?? '',
  deadline: i.deadline ?? '',
  outcome: i.outcome ?? '',
  decidedBy: i.decidedBy ?? '',
  progress: i.progress.map((p) => ({ text: p.text, at: iso(p.at), byName: p.byName })),
  result: i.result ?? '',
  resultAt: iso(i.resultAt),
  overdue: !!i.overdue,
});

export async function staffView(t: Topic): Promise<TopicView> {
  const files = t.records.flatMap((r) => r.attachments.map((a) => a.fileId));
  const [sectors, stations, urls] = await Promise.all([
    getSectorsByIds(t.sectorIds),
    workstationsByIds(t.workstationIds),
    tempFileUrls(files),
  ]);
  return {
    _id: t._id,
    title: t.title,
    background: t.background,
    source: t.source,
    form: t.form,
    step: t.step,
    unitId: t.unitId,
    sectors: t.sectorIds.map((id) => ({ _id: id, name: sectors.get(id)?.name ?? '' })),
    workstations: t.workstationIds.map((id) => ({ _id: id, name: stations.get(id)?.name ?? '' })),
    responsible: t.responsible.map((p) => ({ userId: p.userId, name: p.name })),
    records: t.records.map((r) => ({
      step: r.step,
      kind: r.kind,
      text: r.text,
      byName: r.byName,
      at: iso(r.at),
      attachments: r.attachments.map((a) => ({ ...a, url: urls.get(a.fileId) ?? '' })),
    })),
    screening: t.screening ? { ...t.screening, at: iso(t.screening.at) } : null,
    confirmation: t.confirmation ? { ...t.confirmation, at: iso(t.confirmation.at) } : null,
    items: t.items.map(itemView),
    concerns: t.concerns.map((c) => ({
      concernId: c.concernId,
      title: c.title,
      workstationName: c.workstationName ?? '',
    })),
    liaisonRecordIds: t.liaisonRecordIds,
    publishedAt: iso(t.publishedAt),
    closedAt: iso(t.closedAt),
    createdAt: iso(t.createdAt),
    can: Object.fromEntries(TOPIC_ACTIONS.map((a) => [a, allowed(t, a)])) as TopicView['can'],
  };
}

/** Only what the public may read: step dates and what was done (no names), the lists without owners. */
export async function publicView(t: Topic): Promise<TopicPublicView> {
  const stations = await workstationsByIds(t.workstationIds);
  const reached = stepIndex(t.step);
  // A step's public line is its last move forward (what the meeting or the confirmation was).
  const steps = t.records
    .filter((r) => r.kind !== 'back' && stepIndex(r.step) <= reached && r.kind !== 'record')
    // A confirmation is dated by the day the body confirmed it, not the day it was entered.
    .map((r) => ({
      step: r.step,
      at:
        r.kind === 'confirm' && t.confirmation
          ? new Date(`${t.confirmation.date}T00:00:00+08:00`).toISOString()
          : iso(r.at),
      text: r.text,
    }));
  return {
    _id: t._id,
    title: t.title,
    background: t.background,
    source: t.source,
    form: t.form,
    step: t.step,
    workstations: t.workstationIds.map((id) => ({ _id: id, name: stations.get(id)?.name ?? '' })),
    steps,
    items: isPublished(t.step)
      ? t.items.map((i) => ({
          no: i.no,
          suggestion: i.suggestion,
          department: i.department ?? '',
          deadline: i.deadline ?? '',
          result: i.result ?? '',
          done: !!i.result,
        }))
      : [],
    closed: !!t.closedAt,
    publishedAt: iso(t.publishedAt),
  };
}

/** The earliest deadline among items still without a result, as a China end-of-day instant. */
export function nextDue(items: TopicItem[]): Date | null {
  const open = items.filter((i) => i.deadline && !i.result).map((i) => i.deadline!);
  if (!open.length) return null;
  const first = open.sort()[0];
  // The deadline is the whole China day: due at its end (UTC+8 has no daylight saving).
  return new Date(`${first}T23:59:59.999+08:00`);
}
