/**
 * What the client sends to a cloud function: `wx.cloud.callFunction({name, data})` on weapp,
 * `POST /__cloud/callFunction {name, data}` on h5. `name` is the function (the domain),
 * `action` the file under cloudfunctions/<name>/actions/.
 */
export interface CallData<I = unknown> {
  action: string;
  input: I;
  /** Required for every mutation; a retry reuses it and gets the first answer back. */
  requestId?: string;
}

/** requestId: 8–64 characters of letters, digits, '-' and '_'. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** No screen loads more than 50 rows at once (ENGINEERING.md §7). */
export const MAX_PAGE_SIZE = 50;
