/** The h5 build at / with the single-page fallback to index.html. */
import fs from 'node:fs';
import path from 'node:path';
import { HttpError, sendBuffer, sendJson } from '../http';
import type { Route, RouteContext } from '../server';
import { mimeOf } from '../storage/index';

/** Every path but the cloud protocol's and the emulator's own. */
const NOT_CLOUD = /^\/(?!admin(\/|$)|__cloud\/)/;

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
  const data = fs.readFileSync(target);
  const isHtml = target.endsWith('.html');
  sendBuffer(res, 200, mimeOf(target), data, head, { 'Cache-Control': isHtml ? 'no-cache' : 'public, max-age=300' });
}

export const staticRoutes: readonly Route[] = [{ methods: ['GET', 'HEAD'], path: NOT_CLOUD, handle: serveStatic }];
