/**
 * Where people's uploads live in cloud storage: `<purpose>/<openid>/<file>`. The storage rule lets
 * a person write only under their own openid, and a function takes a file only from the caller's
 * own folder of the purpose the action is about, so nobody can pass off someone else's file (an
 * export, an attachment) as theirs and get a link to it back.
 */
export const UPLOAD_PURPOSES = [
  'concerns',
  'replies',
  'liaison',
  'notice-files',
  'workstations',
  'topic-files',
] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

/**
 * An asynchronous image check started for a stored photo (security.mediaCheckAsync): its verdict
 * arrives later under `traceId`, and the document keeps the pair to find the photo again.
 */
export interface MediaCheck {
  traceId: string;
  fileID: string;
}

export const uploadFolder = (purpose: UploadPurpose, openid: string) => `${purpose}/${openid}`;

/** What a person may upload, by the extension of the file's name. */
export const UPLOAD_KINDS = {
  image: /\.(jpe?g|png|gif|webp)$/i,
  pdf: /\.pdf$/i,
} as const;
export type UploadKind = keyof typeof UPLOAD_KINDS;
