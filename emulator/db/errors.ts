/**
 * Error codes answered by the emulated database, in the wire shape `{code, message, requestId}`.
 *
 * Where they come from:
 * - DATABASE_COLLECTION_NOT_EXIST, DATABASE_REQUEST_FAILED, DATABASE_INVALID_OPERRATOR,
 *   INVALID_PARAM: the code tables of wx-server-sdk (node_modules/wx-server-sdk/index.js,
 *   `TCB_ERR_CODE`: -502005, -502001, -502002, -501007) and docs.cloudbase.net/error-code/basic.
 *   wx-server-sdk turns the string code into `errCode` with that table (unknown codes → -501001).
 * - The missing-collection message is the production one as reported by users
 *   ("[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem
 *   cannot be solved, contact us." → `errCode: -502005 database collection not exists`).
 * - Duplicate key: production answers DATABASE_REQUEST_FAILED (-502001) carrying MongoDB's E11000
 *   text; we reproduce `[FailedOperation] E11000 duplicate key error collection: … index: … dup key: …`.
 * - DATABASE_TRANSACTION_CONFLICT: @cloudbase/database/dist/commonjs/const/code.js; `runTransaction`
 *   (transaction/index.js) retries exactly on this code when commit answers it (an in-transaction
 *   read or write answering it reaches the callback through wx-server-sdk as errCode -501001).
 * - DATABASE_TRANSACTION_FAIL with "[ResourceUnavailable.TransactionNotExist] Transaction does not
 *   exist on the server": what the platform answers for a request on an ended transaction.
 * - limit > 1000: INVALID_PARAM (the SDK itself clamps `.limit()` to 1000 before sending).
 */
export class DbError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const SUFFIX = ' Please check your request, but if the problem cannot be solved, contact us.';

export const errors = {
  collectionNotExist: (name: string) =>
    new DbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${name}.${SUFFIX}`),
  collectionExists: (name: string) =>
    new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}.${SUFFIX}`),
  duplicateKey: (coll: string, index: string, key: string) =>
    new DbError(
      'DATABASE_REQUEST_FAILED',
      `[FailedOperation] E11000 duplicate key error collection: ${coll} index: ${index} dup key: ${key}`,
    ),
  invalidParam: (msg: string) => new DbError('INVALID_PARAM', `[InvalidParameter] ${msg}`),
  requestFailed: (msg: string) => new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${msg}`),
  invalidOperator: (msg: string) => new DbError('DATABASE_INVALID_OPERRATOR', `[InvalidParameter] ${msg}`),
  immutableId: () =>
    new DbError(
      'DATABASE_REQUEST_FAILED',
      "[FailedOperation] Performing an update on the path '_id' would modify the immutable field '_id'",
    ),
  transactionConflict: (detail: string) =>
    new DbError(
      'DATABASE_TRANSACTION_CONFLICT',
      `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others (${detail}).${SUFFIX}`,
    ),
  transactionNotExist: () =>
    new DbError(
      'DATABASE_TRANSACTION_FAIL',
      `[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server.${SUFFIX}`,
    ),
  noIndex: (coll: string, what: string) =>
    new DbError(
      'DATABASE_REQUEST_FAILED',
      `[emulator strictIndexes] no index serves this query on collection "${coll}": ${what}`,
    ),
};
