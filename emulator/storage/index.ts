import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeOf(p: string): string {
  return MIME[path.extname(p).toLowerCase()] ?? 'application/octet-stream';
}

export interface DownloadEntry {
  fileID: string;
  tempFileURL: string;
  code: string;
  maxAge: number;
  message?: string;
}

/** Default lifetime of a temp URL when the caller gives none (seconds). */
export const DEFAULT_MAX_AGE = 86400;

/**
 * Cloud storage on disk: a file with cloud path `a/b.png` lives at <dataDir>/files/a/b.png and
 * has fileID `cloud://<envId>.<bucket>/a/b.png`. Temp URLs are HMAC-signed with an expiry.
 */
export class Storage {
  readonly root: string;
  readonly bucket: string;
  private secret: Buffer;

  constructor(
    private dataDir: string,
    private envId: string,
  ) {
    this.root = path.join(dataDir, 'files');
    fs.mkdirSync(this.root, { recursive: true });
    this.bucket = `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1300000000`;
    const secretPath = path.join(dataDir, 'storage.secret');
    try {
      this.secret = Buffer.from(fs.readFileSync(secretPath, 'utf8').trim(), 'hex');
      if (this.secret.length < 16) throw new Error('short');
    } catch {
      this.secret = crypto.randomBytes(32);
      fs.writeFileSync(secretPath, this.secret.toString('hex'), { mode: 0o600 });
    }
  }

  /** Normalises a cloud path; throws on anything that could leave the storage root. */
  cleanPath(cloudPath: string): string {
    const p = String(cloudPath ?? '')
      .replace(/\\/g, '/')
      .replace(/^\/+/, '');
    const segs = p.split('/');
    if (!p || p.length > 1024 || segs.some((s) => s === '' || s === '.' || s === '..') || p.includes('\0')) {
      throw new Error(`云存储路径无效: ${cloudPath}`);
    }
    return p;
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${this.cleanPath(cloudPath)}`;
  }

  /** cloud path of a fileID, or null if it is not one of ours. */
  pathOf(fileID: string): string | null {
    const m = /^cloud:\/\/([^/]+)\/(.+)$/.exec(String(fileID ?? ''));
    if (!m) return null;
    try {
      return this.cleanPath(m[2]);
    } catch {
      return null;
    }
  }

  diskPath(cloudPath: string): string {
    return path.join(this.root, ...this.cleanPath(cloudPath).split('/'));
  }

  exists(cloudPath: string): boolean {
    try {
      return fs.statSync(this.diskPath(cloudPath)).isFile();
    } catch {
      return false;
    }
  }

  write(cloudPath: string, data: Buffer): string {
    const p = this.diskPath(cloudPath);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, p);
    return this.fileIdOf(cloudPath);
  }

  /** A fresh file (same disk as the storage) an upload is streamed to before adopt() files it. */
  spoolPath(): string {
    const dir = path.join(this.dataDir, 'uploads.tmp');
    fs.mkdirSync(dir, { recursive: true });
    return path.join(dir, `${process.pid}.${crypto.randomBytes(8).toString('hex')}`);
  }

  /** Move a spooled upload to `cloudPath` (replacing what was there in one step). */
  adopt(spooled: string, cloudPath: string): string {
    const p = this.diskPath(cloudPath);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.renameSync(spooled, p);
    return this.fileIdOf(cloudPath);
  }

  read(cloudPath: string): Buffer | null {
    try {
      return fs.readFileSync(this.diskPath(cloudPath));
    } catch {
      return null;
    }
  }

  remove(cloudPath: string): boolean {
    try {
      fs.unlinkSync(this.diskPath(cloudPath));
      return true;
    } catch {
      return false;
    }
  }

  sign(kind: 'get' | 'put', cloudPath: string, expiresAtS: number): string {
    return crypto
      .createHmac('sha256', this.secret)
      .update(`${kind}\n${cloudPath}\n${expiresAtS}`)
      .digest('hex')
      .slice(0, 32);
  }

  verify(kind: 'get' | 'put', cloudPath: string, sign: string | null, t: string | null): 'ok' | 'expired' | 'bad' {
    if (!sign || !t || !/^\d+$/.test(t)) return 'bad';
    const expected = this.sign(kind, cloudPath, Number(t));
    const a = Buffer.from(expected);
    const b = Buffer.from(sign);
    if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return 'bad';
    return Number(t) * 1000 < Date.now() ? 'expired' : 'ok';
  }

  private encodePath(cloudPath: string): string {
    return cloudPath.split('/').map(encodeURIComponent).join('/');
  }

  /** A signed URL the holder can GET until `maxAge` seconds from now. */
  tempUrl(base: string, cloudPath: string, maxAge: number): string {
    const t = Math.floor(Date.now() / 1000) + Math.max(1, Math.floor(maxAge));
    return `${base.replace(/\/$/, '')}/__cloud/files/${this.encodePath(cloudPath)}?sign=${this.sign('get', cloudPath, t)}&t=${t}`;
  }

  /** The URL wx-server-sdk's uploadFile PUTs the content to (valid 15 minutes). */
  uploadUrl(base: string, cloudPath: string): string {
    const t = Math.floor(Date.now() / 1000) + 900;
    return `${base.replace(/\/$/, '')}/__cloud/cos/${this.encodePath(cloudPath)}?sign=${this.sign('put', cloudPath, t)}&t=${t}`;
  }

  downloadList(
    base: string,
    list: Array<{ fileid?: string; fileID?: string; max_age?: number; maxAge?: number }>,
  ): DownloadEntry[] {
    return list.map((f) => {
      const fileID = String(f.fileid ?? f.fileID ?? '');
      const maxAge = Number(f.max_age ?? f.maxAge ?? DEFAULT_MAX_AGE) || DEFAULT_MAX_AGE;
      const p = this.pathOf(fileID);
      if (!p) return { fileID, tempFileURL: '', code: 'STORAGE_SIGN_PARAM_INVALID', maxAge, message: 'fileID 无效' };
      if (!this.exists(p))
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge, message: '文件不存在' };
      return { fileID, tempFileURL: this.tempUrl(base, p, maxAge), code: 'SUCCESS', maxAge };
    });
  }

  deleteList(list: string[]): Array<{ fileID: string; code: string }> {
    return list.map((fileID) => {
      const p = this.pathOf(fileID);
      if (!p || !this.remove(p)) return { fileID, code: 'STORAGE_FILE_NONEXIST' };
      return { fileID, code: 'SUCCESS' };
    });
  }
}
