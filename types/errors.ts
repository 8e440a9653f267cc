/** Error codes every action may answer with (ENGINEERING.md §3). */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'CONTENT_RISKY',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The message a person sees when the server gave none more specific. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在或已删除',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  INVALID_STATE: '当前状态下不能进行此操作',
  CONTENT_RISKY: '内容含有不适宜发布的信息，请修改后再提交',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
};

export interface ActionError {
  code: ErrorCode;
  message: string;
  /** Per-field Chinese messages, keyed by the input field path ("title", "photos.0"). */
  fields?: Record<string, string>;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
