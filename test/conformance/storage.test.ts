/**
 * Cloud storage through the unmodified wx-server-sdk (uploadFile / downloadFile / getTempFileURL /
 * deleteFile) and through the h5 endpoints (/__cloud/upload, /__cloud/tempUrl), with signed,
 * expiring file URLs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../../emulator/index';
import { httpCall, postJson, start, tempDataDir, type Json } from './fixtures/harness';

jest.setTimeout(30_000);

let emu: Emulator;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  emu = await start({ dataDir });
});

afterAll(async () => {
  await emu?.stop();
});

describe('wx-server-sdk storage', () => {
  test('upload → download → temp URL over HTTP → delete', async () => {
    const r = (
      await httpCall(
        emu,
        'files',
        { cloudPath: 'concerns/c1/photo.txt', content: '群众反映：路灯坏了', maxAge: 60 },
        'oF',
      )
    ).body.result;
    expect(r.fileID).toMatch(/^cloud:\/\/lxq-local\.[^/]+\/concerns\/c1\/photo\.txt$/);
    expect(r.downloaded).toBe('群众反映：路灯坏了');
    expect(r.tempStatus).toBe(0);
    expect(fs.readFileSync(path.join(dataDir, 'files', 'concerns', 'c1', 'photo.txt'), 'utf8')).toBe(
      '群众反映：路灯坏了',
    );

    const res = await fetch(r.tempFileURL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toBe('群众反映：路灯坏了');

    // A tampered signature or a different path is refused.
    const u = new URL(r.tempFileURL);
    u.searchParams.set('sign', '0'.repeat(32));
    expect((await fetch(u)).status).toBe(403);
    const other = new URL(r.tempFileURL);
    other.pathname = other.pathname.replace('photo.txt', 'other.txt');
    expect((await fetch(other)).status).toBe(403);

    const d = (await httpCall(emu, 'files', { cloudPath: 'tmp/gone.txt', remove: true }, 'oF')).body.result;
    expect(d.deleted).toEqual([{ fileID: d.fileID, status: 0, errMsg: 'ok' }]);
    expect(fs.existsSync(path.join(dataDir, 'files', 'tmp', 'gone.txt'))).toBe(false);
    expect((await fetch(d.tempFileURL)).status).toBe(404);
    const after = await postJson(emu, '/__cloud/tempUrl', { fileList: [d.fileID] });
    expect(after.body.fileList[0].status).not.toBe(0);
  });

  test('temp URLs expire → 403', async () => {
    const r = (await httpCall(emu, 'files', { cloudPath: 'short/life.txt', content: 'x', maxAge: 1 }, 'oF')).body
      .result;
    expect((await fetch(r.tempFileURL)).status).toBe(200);
    await new Promise((res) => setTimeout(res, 2100));
    const res = await fetch(r.tempFileURL);
    expect(res.status).toBe(403);
    expect(((await res.json()) as Json).error).toBe('链接已过期');
  });
});

describe('h5 storage endpoints', () => {
  test('POST /__cloud/upload → fileID; /__cloud/tempUrl → URL; a function can download it', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 0, 255]);
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'image/png' }), 'snap.png');
    const up = await fetch(`${emu.url}/__cloud/upload`, { method: 'POST', body: form });
    expect(up.status).toBe(200);
    const { fileID } = (await up.json()) as Json;
    expect(fileID).toMatch(/^cloud:\/\/.+\/uploads\/\d{4}-\d\d\/[0-9a-f]+\.png$/);

    const t = await postJson(emu, '/__cloud/tempUrl', { fileList: [{ fileID, maxAge: 120 }] });
    expect(t.body.fileList[0]).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 120 });
    const get = await fetch(t.body.fileList[0].tempFileURL);
    expect(get.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);

    const viaFn = (await httpCall(emu, 'files', { fileID }, 'oF')).body.result;
    expect(Buffer.from(viaFn.downloadedBase64, 'base64').equals(bytes)).toBe(true);
  });

  test('explicit cloudPath is honoured; paths leaving the storage root are refused', async () => {
    const form = new FormData();
    form.append('cloudPath', 'avatars/u1.txt');
    form.append('file', new Blob(['hi']), 'u1.txt');
    const up = (await (await fetch(`${emu.url}/__cloud/upload`, { method: 'POST', body: form })).json()) as Json;
    expect(up.fileID).toMatch(/\/avatars\/u1\.txt$/);

    const evil = new FormData();
    evil.append('cloudPath', '../../escape.txt');
    evil.append('file', new Blob(['x']), 'x.txt');
    const res = await fetch(`${emu.url}/__cloud/upload`, { method: 'POST', body: evil });
    expect(res.status).toBe(400);
    expect(fs.existsSync(path.join(dataDir, '..', 'escape.txt'))).toBe(false);
  });

  test('when a part names its file with filename*= (RFC 5987), then the name is read from it', async () => {
    const boundary = 'lxqBoundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''%E7%85%A7%E7%89%87.png\r\n` +
          'Content-Type: image/png\r\n\r\n',
      ),
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${emu.url}/__cloud/upload`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).fileID).toMatch(/\.png$/);
  });

  test('upload without multipart or without file → 400', async () => {
    expect((await postJson(emu, '/__cloud/upload', { file: 'x' })).status).toBe(400);
    const form = new FormData();
    form.append('other', 'x');
    expect((await fetch(`${emu.url}/__cloud/upload`, { method: 'POST', body: form })).status).toBe(400);
  });
});
