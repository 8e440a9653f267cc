/**
 * What a guarded change stored with its document so that the same request, retried after dying
 * past it, sees the document as it first found it (cloudfunctions/shared/rewind.ts; server only).
 */
export interface LastChange {
  mark: string;
  /** Each field (dotted path) the change set, with its value before (the path alone: it had none). */
  before: ([string, unknown] | [string])[];
  /** Each array (dotted path) the change appended to, with how many items it appended. */
  pushed: [string, number][];
  /** The change stored the document: the request found none. */
  created?: boolean;
}
