import { db } from '../cloud';

/**
 * The audit log. An entry's _id is the request key of the call that made the change, so the
 * same document answers "was this request already done, and what did it answer?".
 */
export interface AuditEntry {
  _id: string;
  actor: string;
  actorUserId: string | null;
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
