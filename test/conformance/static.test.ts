/**
 * The emulator's h5 static route over HTTP: hashed assets cached for a year, the entry page
 * revalidated, text compressed with brotli or gzip as the browser accepts.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Emulator } from '../../emulator/index';
import { chooseEncoding } from '../../emulator/routes/static';
import { start } from './fixtures/harness';

jest.setTimeout(30_000);

let emu: Emulator;
let dir: string;
const script = `console.log(${JSON.stringify('连心桥 '.repeat(400))});\n`.repeat(20);
const page = `<!doctype html><html><head><script src="/js/app.1a2b3c4d.js"></script></head><body>${'<div>连心桥</div>'.repeat(50)}</body></html>`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lxq-static-'));
  fs.mkdirSync(path.join(dir, 'js'));
  fs.mkdirSync(path.join(dir, 'css'));
  fs.writeFileSync(path.join(dir, 'index.html'), page);
  fs.writeFileSync(path.join(dir, 'js', 'app.1a2b3c4d.js'), script);
  fs.writeFileSync(path.join(dir, 'css', 'app.0f0f0f0f.css'), '.a{color:red}'.repeat(100));
  fs.writeFileSync(path.join(dir, 'favicon.png'), Buffer.alloc(2000, 7));
  emu = await start({ staticDir: dir });
});

afterAll(async () => {
  await emu?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw GET (fetch would undo the compression this test looks at). */
function get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${emu.url}${pathname}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

test('when a browser asks for a hashed script, then it is kept a year, immutable, and sent brotli-compressed', async () => {
  const r = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
  expect(r.status).toBe(200);
  expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(r.headers['content-encoding']).toBe('br');
  expect(r.headers.vary).toBe('Accept-Encoding');
  expect(r.headers['content-type']).toContain('javascript');
  expect(zlib.brotliDecompressSync(r.body).toString('utf8')).toBe(script);
  expect(r.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
});

test('when the browser takes only gzip, then gzip; when it takes neither, then the file as it is', async () => {
  const gz = await get('/css/app.0f0f0f0f.css', { 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe('.a{color:red}'.repeat(100));
  const plain = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'identity' });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString('utf8')).toBe(script);
  const refused = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br;q=0, gzip' });
  expect(refused.headers['content-encoding']).toBe('gzip');
});

test('when the entry page is asked for (or a route the page handles), then it must be revalidated every time', async () => {
  for (const pathname of ['/', '/index.html', '/staff/concerns/index']) {
    const r = await get(pathname, { accept: 'text/html', 'accept-encoding': 'gzip, br' });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(zlib.brotliDecompressSync(r.body).toString('utf8')).toBe(page);
  }
});

test('when an image or an unhashed file is asked for, then it is sent as it is and kept only briefly', async () => {
  const r = await get('/favicon.png', { 'accept-encoding': 'gzip, br' });
  expect(r.headers['content-encoding']).toBeUndefined();
  expect(r.headers['cache-control']).toBe('public, max-age=300');
  expect(r.body.length).toBe(2000);
});

test('when the build wrote a precompressed file beside a script, then that file is sent', async () => {
  const pre = zlib.gzipSync(Buffer.from('precompressed'));
  fs.writeFileSync(path.join(dir, 'js', 'app.1a2b3c4d.js.gz'), pre);
  const r = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' });
  expect(r.headers['content-encoding']).toBe('gzip');
  expect(zlib.gunzipSync(r.body).toString('utf8')).toBe('precompressed');
  fs.rmSync(path.join(dir, 'js', 'app.1a2b3c4d.js.gz'));
});

test('when Accept-Encoding is read, then brotli comes first, q=0 refuses and * stands for the rest', () => {
  expect(chooseEncoding('gzip, deflate, br')).toBe('br');
  expect(chooseEncoding('gzip')).toBe('gzip');
  expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
  expect(chooseEncoding('*')).toBe('br');
  expect(chooseEncoding('identity')).toBeNull();
  expect(chooseEncoding(undefined)).toBeNull();
});
