import { checkContent } from '../../shared/concerns/content';

/**
 * A topic's words reach the public page (公开公示), so what staff and members write passes the same
 * content check as a citizen's concern: a risky text is refused with CONTENT_RISKY on its field
 * and nothing is stored. One check per field, side by side (no database round trip).
 */
export async function checkTopicText(openid: string, fields: Record<string, string | undefined>): Promise<void> {
  await Promise.all(
    Object.entries(fields)
      .filter(([, text]) => !!text)
      .map(([field, text]) => checkContent(openid, { text: text!, textField: field })),
  );
}
