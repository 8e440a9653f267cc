/**
 * The h5 build at / with the single-page fallback to index.html: hashed assets cached for a year,
 * the entry page revalidated (caching.ts), text sent brotli- or gzip-compressed when the browser
 * accepts it — a precompressed .br/.gz beside the file if the build wrote one, otherwise
 * compressed here once and kept while the file is unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { HttpError, sendBuffer, sendJson } from '../http';
import type { Route, RouteContext } from '../server';
import { mimeOf } from '../storage/index';
import { cacheControlFor, compressible } from './caching';

/** Every path but the cloud protocol's and the emulator's own. */
const NOT_CLOUD = /^\/(?!admin(\/|$)|__cloud\/)/;

type Encoding = 'br' | 'gzip';

/** The encoding to send, by the request's Accept-Encoding (brotli first; q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const offered = new Map<string, number>();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    offered.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/** Compressed bodies made here, by file, encoding and the file's mtime and size. */
const compressed = new Map<string, Buffer>();

function encodedBody(file: string, data: Buffer, encoding: Encoding, st: fs.Stats): Buffer {
  const pre = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  try {
    if (fs.statSync(pre).mtimeMs >= st.mtimeMs) return fs.readFileSync(pre);
  } catch {
    // no precompressed file: compress here
  }
  const key = `${file}\0${encoding}\0${st.mtimeMs}\0${st.size}`;
  let body = compressed.get(key);
  if (!body) {
    body =
      encoding === 'br'
        ? zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
        : zlib.gzipSync(data, { level: 9 });
    if (compressed.size > 500) compressed.clear();
    compressed.set(key, body);
  }
  return body;
}

async function serveStatic({ rt, req, res, url }: RouteContext): Promise<void> {
  const pathname = url.pathname;
  const head = req.method === 'HEAD';
  if (!rt.staticDir) return sendJson(res, 404, { error: '未配置 h5 静态目录' });
  const root = path.resolve(rt.staticDir);
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, '路径无效');
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (file !== root && !file.startsWith(root + path.sep)) throw new HttpError(403, '禁止访问');
  let target: string | null = null;
  try {
    const st = fs.statSync(file);
    if (st.isFile()) target = file;
    else if (st.isDirectory() && fs.existsSync(path.join(file, 'index.html'))) target = path.join(file, 'index.html');
  } catch {
    target = null;
  }
  if (!target) {
    const accept = String(req.headers.accept ?? '');
    const index = path.join(root, 'index.html');
    if ((accept.includes('text/html') || (accept.includes('*/*') && !path.extname(pathname))) && fs.existsSync(index)) {
      target = index;
    } else {
      return sendJson(res, 404, { error: '未找到' });
    }
  }
  const relPath = path.relative(root, target).split(path.sep).join('/');
  const st = fs.statSync(target);
  const data = fs.readFileSync(target);
  const headers: Record<string, string> = { 'Cache-Control': cacheControlFor(relPath) };
  if (!compressible(relPath)) return sendBuffer(res, 200, mimeOf(target), data, head, headers);
  headers.Vary = 'Accept-Encoding';
  const encoding = data.length >= 256 ? chooseEncoding(req.headers['accept-encoding']) : null;
  if (!encoding) return sendBuffer(res, 200, mimeOf(target), data, head, headers);
  headers['Content-Encoding'] = encoding;
  sendBuffer(res, 200, mimeOf(target), encodedBody(target, data, encoding, st), head, headers);
}

export const staticRoutes: readonly Route[] = [{ methods: ['GET', 'HEAD'], path: NOT_CLOUD, handle: serveStatic }];
