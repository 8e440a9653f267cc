import { db } from '../cloud';
import { orderOf } from './listing';
import { pageOf } from './page';

/**
 * The audit log. An entry's _id is the request key of the call that made the change, so the
 * same document answers "was this request already done, and what did it answer?".
 */
export interface AuditEntry {
  _id: string;
  actor: string;
  actorUserId: string | null;
  /** The person's name when they have an account (the log's 操作人 filter); older entries lack it. */
  actorName?: string | null;
  /** The unit touched (ancestors + itself): staff read the log of their subtree. Older entries lack it. */
  unitPath?: string[] | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  at: Date;
  /** The answer the caller got: a retry gets it again. */
  result: unknown;
  /** Hash of the validated input: a retry with other content under the same requestId is refused. */
  inputHash?: string;
}

const audit = () => db.collection('audit');

export async function findAudit(id: string): Promise<AuditEntry | null> {
  const { data } = await audit().where({ _id: id }).limit(1).get();
  return (data[0] as AuditEntry) ?? null;
}

export async function insertAudit(entry: AuditEntry): Promise<void> {
  const { _id, ...rest } = entry;
  await audit().add({ data: { _id, ...rest } });
}

/**
 * A page of the log of a subtree, newest first: served by the unit_path_at index, the other
 * filters narrowing within it.
 */
export async function pageAuditOfSubtree(
  unitId: string,
  filter: { action?: string; actorName?: string; from?: Date; to?: Date; sort?: 'at' | '-at' },
  page: number,
  pageSize: number,
) {
  const _ = db.command;
  const where: Record<string, unknown> = { unitPath: unitId };
  if (filter.action) where.action = filter.action;
  if (filter.actorName) {
    where.actorName = db.RegExp({ regexp: filter.actorName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') });
  }
  if (filter.from && filter.to) where.at = _.gte(filter.from).and(_.lt(filter.to));
  else if (filter.from) where.at = _.gte(filter.from);
  else if (filter.to) where.at = _.lt(filter.to);
  return pageOf<AuditEntry>(audit().where(where), orderOf(filter.sort, 'at'), page, pageSize);
}
