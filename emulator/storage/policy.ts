/**
 * Who may do what with cloud storage from a client (the h5 endpoints), as the product's storage
 * rule will have it in production: a client writes only in its own folder — its openid as the
 * first path segment, or as the second under a product folder (`notice-files/{openid}/…`,
 * `concerns/{openid}/…`) — and only the kinds of file the product accepts; it gets temporary URLs
 * only for files in its own folder. Functions (the SDK's /admin calls) may read and write all.
 * Served files never run as a page: nosniff, and anything not an image comes as an attachment.
 */
import path from 'node:path';

/** What a client may upload: photos, and PDF for notice attachments. */
const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};
const CLIENT_KINDS = new Set([...Object.keys(IMAGE_TYPES), '.pdf']);

export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `cloudPath` lies in the folder of `openid`. */
export function inOwnFolder(openid: string, cloudPath: string): boolean {
  const segs = cloudPath.split('/');
  return segs.length > 1 && (segs[0] === openid || (segs.length > 2 && segs[1] === openid));
}

/** Why a client may not write `cloudPath` (a Chinese message), or null when it may. */
export function clientWriteRefusal(openid: string, cloudPath: string): string | null {
  if (!inOwnFolder(openid, cloudPath)) return '只能上传到自己的文件夹';
  if (!CLIENT_KINDS.has(path.extname(cloudPath).toLowerCase())) return '只能上传图片（jpg、png、gif、webp）或 PDF 文件';
  return null;
}

/**
 * Why a PC signed in by custom login may not write `cloudPath`, or null when it may. The rule
 * cannot compare a path segment with the caller's uid, so such a client may write any
 * `<folder>/<id>/<file>` of an accepted kind — but never over an existing file (the platform
 * records the uploader as the owner, and only the owner may overwrite), and functions still take
 * a file only from the caller's own folder.
 */
export function webWriteRefusal(cloudPath: string, exists: boolean): string | null {
  const segs = cloudPath.split('/');
  if (segs.length !== 3 || !OPENID_PATTERN.test(segs[1])) return '只能上传到 <用途>/<用户>/<文件> 文件夹';
  if (!CLIENT_KINDS.has(path.extname(cloudPath).toLowerCase())) return '只能上传图片（jpg、png、gif、webp）或 PDF 文件';
  if (exists) return '该文件已存在，不能覆盖他人的文件';
  return null;
}

/** Response headers for serving a stored file: images inline, anything else as a download. */
export function servingHeaders(cloudPath: string, mime: string): Record<string, string> {
  const ext = path.extname(cloudPath).toLowerCase();
  const image = IMAGE_TYPES[ext];
  if (image) return { 'Content-Type': image, 'X-Content-Type-Options': 'nosniff' };
  const name = encodeURIComponent(path.posix.basename(cloudPath));
  const active = /html|svg|xml|javascript|ecmascript/i.test(mime);
  return {
    'Content-Type': active ? 'application/octet-stream' : mime,
    'Content-Disposition': `attachment; filename*=UTF-8''${name}`,
    'X-Content-Type-Options': 'nosniff',
  };
}
