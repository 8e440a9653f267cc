/**
 * A requestId names one request: its retries carry the same input. The audit entry keeps a hash
 * of the validated input, so a retry is answered with the first answer only when it asks the same
 * thing; the same requestId with other content is refused with CONFLICT instead of pretending the
 * second had been applied.
 */
import { createHash } from 'node:crypto';
import type { ActionResult } from '@lxq/types';
import { AppError } from './errors';

export const REUSED_REQUEST_MESSAGE = '这个请求已提交过其他内容';

/** Hash of the input with object keys in a fixed order (the same content hashes the same). */
export function inputHash(input: unknown): string {
  return createHash('sha1').update(canonical(input)).digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The answer to a retry that found the first request's audit entry. */
export function answerOfDone(done: { result: unknown; inputHash?: string }, hash: string): ActionResult<unknown> {
  if (done.inputHash && done.inputHash !== hash) {
    return {
      ok: false,
      error: new AppError('CONFLICT', REUSED_REQUEST_MESSAGE, { requestId: REUSED_REQUEST_MESSAGE }).toJSON(),
    };
  }
  return done.result as ActionResult<unknown>;
}
