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

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 0, 255]);

/** Uploads as the h5 client does, as `openid` (none: a new citizen). */
async function upload(openid: string | null, name: string, content: Buffer | string, cloudPath?: string) {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  if (cloudPath) form.append('cloudPath', cloudPath);
  const headers: Record<string, string> = openid ? { 'X-WX-OPENID': openid } : {};
  const res = await fetch(`${emu.url}/__cloud/upload`, { method: 'POST', headers, body: form });
  return { status: res.status, body: (await res.json()) as Json, openid: res.headers.get('x-wx-openid') ?? openid };
}

const tempUrl = async (openid: string, fileID: string) =>
  (await postJson(emu, '/__cloud/tempUrl', { fileList: [{ fileID, maxAge: 120 }] }, { 'X-WX-OPENID': openid })).body
    .fileList[0];

describe('h5 storage endpoints', () => {
  test("POST /__cloud/upload → fileID in the caller's folder; /__cloud/tempUrl → URL; a function can download it", async () => {
    const up = await upload('oPhotoOwner', 'snap.png', PNG);
    expect(up.status).toBe(200);
    const { fileID } = up.body;
    expect(fileID).toMatch(/^cloud:\/\/.+\/uploads\/oPhotoOwner\/\d{4}-\d\d-[0-9a-f]+\.png$/);

    const t = await tempUrl('oPhotoOwner', fileID);
    expect(t).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 120 });
    const get = await fetch(t.tempFileURL);
    expect(get.headers.get('content-type')).toBe('image/png');
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
    expect(get.headers.get('content-disposition')).toBeNull();
    expect(Buffer.from(await get.arrayBuffer()).equals(PNG)).toBe(true);

    const viaFn = (await httpCall(emu, 'files', { fileID }, 'oF')).body.result;
    expect(Buffer.from(viaFn.downloadedBase64, 'base64').equals(PNG)).toBe(true);
  });

  test('when a caller without an identity uploads, then it is given one and the file goes to its folder', async () => {
    const up = await upload(null, 'a.jpg', 'JFIF');
    expect(up.status).toBe(200);
    expect(up.openid).toMatch(/^o/);
    expect(up.body.fileID).toContain(`/uploads/${up.openid}/`);
  });

  test("when a caller uploads into someone else's folder, then it is refused and their file is untouched", async () => {
    const mine = await upload('oOwner', 'a-1.pdf', '%PDF-1.4 mine', 'notice-files/oOwner/a-1.pdf');
    expect(mine.status).toBe(200);
    for (const target of [
      'notice-files/oOwner/a-1.pdf',
      'oOwner/x.png',
      'avatars/u1.png',
      'exports/liaison/u1/x.pdf',
    ]) {
      const res = await upload('oIntruder', 'x.pdf', 'overwritten', target);
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('只能上传到自己的文件夹');
    }
    expect(fs.readFileSync(path.join(dataDir, 'files', 'notice-files', 'oOwner', 'a-1.pdf'), 'utf8')).toBe(
      '%PDF-1.4 mine',
    );
  });

  test('when a caller uploads a kind the product does not accept, then it is refused', async () => {
    for (const name of ['page.html', 'logo.svg', 'run.js', 'note.txt']) {
      const res = await upload('oKinds', name, '<script>alert(1)</script>', `oKinds/${name}`);
      expect(res.status).toBe(403);
      expect(res.body.error).toContain('只能上传图片');
    }
    expect(fs.existsSync(path.join(dataDir, 'files', 'oKinds'))).toBe(false);
  });

  test('when a client asks for a link to a file outside its folder, then none is signed; a function may read it', async () => {
    const own = await upload('oReader', 'p.png', PNG);
    expect((await tempUrl('oReader', own.body.fileID)).status).toBe(0);
    const other = await tempUrl('oSomeoneElse', own.body.fileID);
    expect(other).toMatchObject({ status: -503002, tempFileURL: '' });
    const exported = (await httpCall(emu, 'files', { cloudPath: 'exports/n1/list.xlsx', content: 'xlsx' }, 'oF')).body
      .result;
    expect((await tempUrl('oReader', exported.fileID)).status).toBe(-503002);
    expect(exported.tempStatus).toBe(0);
  });

  test('when a stored file is not an image, then it is served as an attachment and never as a page', async () => {
    const r = (await httpCall(emu, 'files', { cloudPath: 'exports/n1/evil.html', content: '<script>1</script>' }, 'oF'))
      .body.result;
    const res = await fetch(r.tempFileURL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''evil.html`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = (await httpCall(emu, 'files', { cloudPath: 'exports/n1/a.svg', content: '<svg/>' }, 'oF')).body.result;
    const s = await fetch(svg.tempFileURL);
    expect(s.headers.get('content-type')).not.toContain('svg');
    expect(s.headers.get('content-disposition')).toContain('attachment');
  });

  test('paths leaving the storage root are refused', async () => {
    const res = await upload('oEvil', 'x.png', 'x', '../../escape.png');
    expect(res.status).toBe(400);
    expect(fs.existsSync(path.join(dataDir, '..', 'escape.png'))).toBe(false);
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
