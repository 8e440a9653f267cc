/** A report as its author or staff see it, with what they may do now (the buttons). */
import {
  ORG_LEVEL_LABELS,
  REPORT_ACTION_LABELS,
  type Concern,
  type LiaisonRecord,
  type OrgUnit,
  type Report,
  type ReportListItem,
  type ReportView,
} from '@lxq/types';
import { iso, inChina } from '../../shared/time';
import { byAuthor, nextStatus } from './machine';

const name = (units: Map<string, OrgUnit>, id: string) => units.get(id)?.name ?? '';

export function adoptedLabel(r: Report): string {
  const last = [...r.decisions].reverse().find((d) => d.action === 'adopt');
  return last?.level ? `${ORG_LEVEL_LABELS[last.level]}采用 ${last.publication ?? ''}${last.issue ?? ''}`.trim() : '';
}

export function toListItem(r: Report, units: Map<string, OrgUnit>): ReportListItem {
  return {
    _id: r._id,
    title: r.title,
    status: r.status,
    authorName: r.authorName,
    unitName: name(units, r.unitId),
    atUnitName: name(units, r.atUnitId),
    adopted: adoptedLabel(r),
    instructed: r.instructions.length > 0,
    updatedAt: iso(r.updatedAt),
    submittedAt: r.submittedAt ? iso(r.submittedAt) : null,
  };
}

export function toView(
  r: Report,
  who: { mine: boolean; atDesk: boolean; hasParent: boolean },
  extra: { units: Map<string, OrgUnit>; concerns: Concern[]; records: LiaisonRecord[] },
): ReportView {
  const may = (a: Parameters<typeof nextStatus>[1]) =>
    !!nextStatus(r.status, a) && (byAuthor(r.status, a) ? who.mine : who.atDesk) && (a !== 'forward' || who.hasParent);
  return {
    _id: r._id,
    title: r.title,
    situation: r.situation,
    problems: r.problems,
    suggestions: r.suggestions,
    reporter: r.reporter,
    status: r.status,
    authorName: r.authorName,
    unitName: name(extra.units, r.unitId),
    atUnitName: name(extra.units, r.atUnitId),
    atLevel: extra.units.get(r.atUnitId)?.level ?? null,
    concerns: extra.concerns.map((c) => ({ _id: c._id, title: c.title })),
    records: extra.records.map((x) => ({ _id: x._id, date: inChina(x.date).format('YYYY-MM-DD'), place: x.place })),
    fromProposal: r.fromProposal ? { _id: r.fromProposal.id, title: r.fromProposal.title } : null,
    proposals: Object.entries(r.proposalLinks ?? {}).map(([_id, l]) => ({ _id, title: l.title })),
    decisions: r.decisions.map((d) => ({
      at: iso(d.at),
      action: d.action,
      label: REPORT_ACTION_LABELS[d.action],
      unitName: d.unitName || name(extra.units, d.unitId),
      byName: d.byName,
      note: d.note ?? '',
      publication: d.publication ?? '',
      issue: d.issue ?? '',
    })),
    instructions: r.instructions.map((i) => ({
      at: iso(i.at),
      level: ORG_LEVEL_LABELS[i.level],
      unitName: i.unitName,
      position: i.position,
      leaderName: i.leaderName ?? '',
      date: i.date,
      text: i.text,
    })),
    can: {
      edit: may('edit'),
      submit: may('submit'),
      return: may('return'),
      forward: may('forward'),
      adopt: may('adopt'),
      reject: may('reject'),
      instruct: may('instruct'),
    },
    mine: who.mine,
    createdAt: iso(r.createdAt),
  };
}
