/**
 * What a collection declaration holds: name, indexes, security rule, retention.
 * It feeds the emulator (indexes as SQLite side tables, one row per array element, and strict
 * index checking in tests), the deploy script (indexes and rules on WeChat Cloud) and the tests. A query on a collection must be
 * served by one of its indexes; `_id` is always indexed.
 *
 * Plain data only: the emulator reads it as JSON (dist/collections.json) and knows no domain.
 */
export interface IndexDecl {
  name: string;
  /** Fields in order, with direction. Dotted paths reach nested fields. */
  fields: [string, 1 | -1][];
  unique?: boolean;
}

export interface CollectionDecl {
  name: string;
  description: string;
  indexes: IndexDecl[];
  /** No collection is open to the client; all access goes through functions. */
  rule: { read: false; write: false };
  /** Documents older than `days` by `field` may be purged; null keeps them for ever. */
  retention: { field: string; days: number } | null;
}

/** No collection is open to the client: every rule is this. */
export const closed = { read: false, write: false } as const;
