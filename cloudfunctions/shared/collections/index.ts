/**
 * The one declaration of every collection, one file per domain here (org.ts, concern.ts, …) and
 * their list below; the shape of a declaration is in decl.ts. It feeds the emulator (indexes as
 * SQLite side tables, one row per array element, and strict index checking in tests), the
 * deploy script (indexes and rules on WeChat Cloud) and the tests. A query on a collection must
 * be served by one of its indexes; `_id` is always indexed.
 *
 * Plain data only: the emulator reads it as JSON (dist/collections.json) and knows no domain.
 */
import type { CollectionDecl } from './decl';
import { ORG } from './org';
import { ACCOUNT } from './account';
import { CONCERN } from './concern';
import { NOTIFY } from './notify';
import { DUTY } from './duty';
import { NOTICE } from './notice';
import { LIAISON } from './liaison';
import { AUDIT } from './audit';
import { TOPICS } from './topic';
import { REPORTS } from './report';
import { PROPOSALS } from './proposal';
import { ASSESSMENTS } from './assessment';
import { EXPORT_JOBS } from './exportJob';

export type { CollectionDecl, IndexDecl } from './decl';

export const COLLECTIONS: CollectionDecl[] = [
  ...ORG,
  ...ACCOUNT,
  ...CONCERN,
  ...NOTIFY,
  ...DUTY,
  ...NOTICE,
  ...LIAISON,
  ...AUDIT,
  ...TOPICS,
  ...REPORTS,
  ...PROPOSALS,
  ...ASSESSMENTS,
  ...EXPORT_JOBS,
];
