import { DEFAULT_ERROR_MESSAGES, type ActionError, type ErrorCode } from '@lxq/types';

/** A refusal a person should read: the router turns it into `{ok:false, error}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code]);
  }

  toJSON(): ActionError {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message);
export const invalidState = (message: string) => new AppError('INVALID_STATE', message);
export const invalid = (fields: Record<string, string>) => new AppError('VALIDATION', Object.values(fields)[0], fields);

/** The database refused a write because the _id (or a unique key) already exists. */
export function isDuplicateKey(err: unknown): boolean {
  const text = `${(err as { errCode?: unknown })?.errCode ?? ''} ${(err as { code?: unknown })?.code ?? ''} ${
    (err as Error)?.message ?? ''
  }`;
  return /DUPLICATE|duplicate key|E11000/i.test(text);
}
