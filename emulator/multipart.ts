/**
 * multipart/form-data by busboy: fields as text, files either kept in memory (small bodies: the
 * SDK's openapi calls) or streamed to a file on disk as they arrive (uploads), so an upload is
 * never held whole in memory. busboy reads `filename*=` (RFC 5987) as well as `filename=`.
 */
import { createWriteStream, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { HttpError } from './http';

export interface FilePart {
  name: string;
  filename?: string;
  mimeType: string;
  /** the content, when kept in memory */
  data?: Buffer;
  /** where the content was written, when spooled to disk */
  path?: string;
  size: number;
}

export interface Multipart {
  fields: Record<string, string>;
  files: FilePart[];
}

export function isMultipart(req: IncomingMessage): boolean {
  return /^multipart\/form-data/i.test(String(req.headers['content-type'] ?? ''));
}

/**
 * Read a multipart body. `spool(part)` names the disk file a file part is written to; without it
 * files are kept in memory. A file over `limit` bytes answers 413 and leaves nothing on disk.
 */
export async function readMultipart(
  req: IncomingMessage,
  limit: number,
  spool?: (name: string, filename: string | undefined) => string,
): Promise<Multipart> {
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: req.headers, limits: { fileSize: limit, fieldSize: 1024 * 1024 } });
  } catch {
    throw new HttpError(400, 'multipart 请求格式错误');
  }
  const out: Multipart = { fields: {}, files: [] };
  const writes: Promise<void>[] = [];
  let tooLarge = false;
  bb.on('field', (name, value) => {
    out.fields[name] = value;
  });
  bb.on('file', (name, stream: Readable, info) => {
    const part: FilePart = { name, filename: info.filename, mimeType: info.mimeType, size: 0 };
    out.files.push(part);
    stream.on('limit', () => {
      tooLarge = true;
    });
    if (spool) {
      part.path = spool(name, info.filename);
      stream.on('data', (c: Buffer) => (part.size += c.length));
      writes.push(pipeline(stream, createWriteStream(part.path)));
    } else {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        part.size += c.length;
        chunks.push(c);
      });
      writes.push(
        new Promise<void>((resolve, reject) => {
          stream.on('end', () => {
            part.data = Buffer.concat(chunks);
            resolve();
          });
          stream.on('error', reject);
        }),
      );
    }
  });
  try {
    await pipeline(req, bb);
    await Promise.all(writes);
  } catch (e) {
    discard(out);
    throw e instanceof HttpError ? e : new HttpError(400, `multipart 请求格式错误：${(e as Error).message}`);
  }
  if (tooLarge) {
    discard(out);
    throw new HttpError(413, `文件过大（上限 ${Math.round(limit / 1024 / 1024)} MB）`);
  }
  return out;
}

/** Remove the spooled files of a body that will not be kept. */
export function discard(m: Multipart): void {
  for (const f of m.files) if (f.path) rmSync(f.path, { force: true });
}
