import type { ErrorCode } from '@lxq/types';
import { DEFAULT_ERROR_MESSAGES } from '@lxq/types/errors';

export const NETWORK_MESSAGE = '网络不给力，请检查网络后重试';

/** What every failed call() throws: a code, a Chinese message a person can read, and per-field messages. */
export class CallError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  /** True when no answer came back, so the server may or may not have acted. */
  readonly network: boolean;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>, network = false) {
    super(message || DEFAULT_ERROR_MESSAGES[code] || DEFAULT_ERROR_MESSAGES.INTERNAL);
    this.name = 'CallError';
    this.code = code;
    this.fields = fields ?? {};
    this.network = network;
  }
}

export function toCallError(e: unknown): CallError {
  if (e instanceof CallError) return e;
  return new CallError('INTERNAL', DEFAULT_ERROR_MESSAGES.INTERNAL);
}
