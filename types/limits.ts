/**
 * Field length limits and their messages, without zod: the action schemas (types/actions/fields.ts)
 * and the client's forms both read them here, so a page never types a limit again and a form can
 * tell a person what is wrong before the round trip, in the server's own words.
 */
export interface TextLimit {
  min: number;
  max: number;
}

export const LIMITS = {
  concernTitle: { min: 4, max: 40 },
  concernText: { min: 10, max: 1000 },
  concernPlace: { min: 0, max: 80 },
  replyText: { min: 10, max: 1000 },
  rateComment: { min: 0, max: 200 },
  reopenReason: { min: 4, max: 500 },
  assignNote: { min: 0, max: 500 },
  staffNote: { min: 2, max: 500 },
  receptionTopic: { min: 2, max: 200 },
  visitorName: { min: 0, max: 20 },
  leaveReason: { min: 2, max: 200 },
  noticeReplyReason: { min: 0, max: 100 },
  liaisonPlace: { min: 2, max: 60 },
  liaisonSummary: { min: 5, max: 1000 },
  reportTitle: { min: 4, max: 60 },
  reportSection: { min: 10, max: 3000 },
  reportReporter: { min: 2, max: 60 },
  reportNote: { min: 0, max: 500 },
  proposalTitle: { min: 4, max: 60 },
  proposalBody: { min: 20, max: 5000 },
  proposalReason: { min: 2, max: 500 },
  proposalReply: { min: 10, max: 2000 },
} as const satisfies Record<string, TextLimit>;

export const textMessages = (label: string, limit: TextLimit) => ({
  required: `请填写${label}`,
  tooShort: `${label}至少 ${limit.min} 个字`,
  tooLong: `${label}不能超过 ${limit.max} 个字`,
});

/** The message the server would give for this text, or '' when it passes (length after trim, as zod counts it). */
export function textError(label: string, limit: TextLimit, value: string, required = limit.min > 0): string {
  const n = value.trim().length;
  const m = textMessages(label, limit);
  if (n === 0) return required ? m.required : '';
  if (n < limit.min) return m.tooShort;
  if (n > limit.max) return m.tooLong;
  return '';
}
