import type { Topic, TopicForm, TopicSource, TopicSourceConcern, User } from '@lxq/types';
import { scopeUnitOf } from '../../shared/caller';

export interface TopicFields {
  title: string;
  background: string;
  form: TopicForm;
  sectorIds: string[];
  workstationIds: string[];
}

export interface Origin {
  source: TopicSource;
  /** The unit the topic belongs to: staff's scope unit, a member's own unit. */
  unit: { unitId: string; unitPath: string[] };
  responsible: Topic['responsible'];
  concerns?: TopicSourceConcern[];
  liaisonRecordIds?: string[];
}

/** A new topic at 议题收集, its first record saying where it came from. */
export function newTopic(id: string, f: TopicFields, o: Origin, by: User, now: Date, note: string): Topic {
  return {
    _id: id,
    unitId: o.unit.unitId,
    unitPath: o.unit.unitPath,
    source: o.source,
    title: f.title,
    background: f.background,
    sectorIds: f.sectorIds,
    workstationIds: [...new Set(f.workstationIds)],
    form: f.form,
    responsible: o.responsible,
    step: 'collect',
    records: [{ step: 'collect', kind: 'record', text: note, by: by._id, byName: by.name, at: now, attachments: [] }],
    screening: null,
    confirmation: null,
    items: [],
    concerns: o.concerns ?? [],
    liaisonRecordIds: o.liaisonRecordIds ?? [],
    nextDueAt: null,
    publishedAt: null,
    closedAt: null,
    createdBy: by._id,
    createdAt: now,
    updatedAt: now,
  };
}

/** Staff raise topics in the unit they act for. */
export const staffUnit = (u: User) => scopeUnitOf(u);
export const person = (u: User) => ({ userId: u._id, name: u.name, openid: u.openid });
