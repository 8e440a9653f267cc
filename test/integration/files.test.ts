/**
 * Files an input refers to (issue 18): a concern's photos, a reply's, a liaison record's and a
 * notice's attachments are taken only from the caller's own upload folder for that purpose, of an
 * accepted kind, and only when they exist. Anything else is VALIDATION on the field (never
 * INTERNAL), nothing is stored, and no link to someone else's file ever comes back.
 */
import { stationEdit } from './stations';
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const JPEG = Buffer.from('JFIF clean photo');

/** Uploads as the h5 client does, as `openid`, to exactly `cloudPath`; answers the fileID. */
async function upload(openid: string, cloudPath: string, content: Buffer = JPEG): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([content]), cloudPath.split('/').pop());
  form.append('cloudPath', cloudPath);
  const res = await fetch(`${sys.emulator.url}/__cloud/upload`, {
    method: 'POST',
    headers: { 'X-WX-OPENID': openid },
    body: form,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { fileID: string }).fileID;
}

/**
 * Stores a file as a function would (the SDK, not a client): the emulator, like the storage rule,
 * refuses a client's upload outside its own folder or of another kind, so such files can only
 * come from a function (a staff export) — and must still never be taken as someone's photo.
 */
async function stored(cloudPath: string, content: Buffer = JPEG): Promise<string> {
  const cloud = require('wx-server-sdk');
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  return fileID;
}

const form = {
  workstationId: 'ws-huishi',
  category: '交通出行',
  title: '会师南路路灯不亮',
  text: '会师南路靠近汽车站的一段路灯已经坏了两个星期，晚上行人很多。',
  consent: true,
} as const;
const count = async (collection: string, where: object) =>
  (await sys.db.collection(collection).where(where).count()).total as number;

/** The fileID of a file that was never stored, in the caller's own folder. */
const missing = (fileID: string) => fileID.replace(/[^/]+$/, 'never-uploaded.jpg');

describe('concern photos', () => {
  const CITIZEN = 'o_files_citizen';

  test.each([
    [
      'another citizen’s photo',
      async () => upload('o_files_other', 'concerns/o_files_other/a.jpg'),
      /不是您上传的文件/,
    ],
    ['a staff export', async () => stored('exports/notices/n1/20260101.xlsx'), /不是您上传的文件/],
    [
      'a photo of a folder for another purpose',
      async () => upload(CITIZEN, 'replies/o_files_citizen/a.jpg'),
      /不是您上传的文件/,
    ],
    ['a page, not a picture', async () => stored('concerns/o_files_citizen/x.html'), /不是图片文件/],
    [
      'a photo that was never uploaded',
      async () => missing(await upload(CITIZEN, 'concerns/o_files_citizen/b.jpg')),
      /已不在云存储中/,
    ],
    [
      'a path that climbs out',
      async () => `cloud://env.bucket/concerns/${CITIZEN}/../o_files_other/a.jpg`,
      /不是您上传的文件/,
    ],
    ['not a fileID at all', async () => 'https://example.invalid/a.jpg', /不是您上传的文件/],
  ])(
    'when a citizen submits %s as a photo, then VALIDATION on that photo and nothing is stored',
    async (_, file, message) => {
      const fileID = await file();
      const res = await sys.as(CITIZEN).call('concern.submit', { ...form, photos: [fileID] });
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { 'photos.0': expect.stringMatching(message) } },
      });
      expect(await count('concerns', { submitterOpenid: CITIZEN })).toBe(0);
    },
  );

  test('when a citizen submits their own photo, then it is kept and shown with a link', async () => {
    const own = await upload(CITIZEN, 'concerns/o_files_citizen/own.jpg');
    const { _id } = await sys.as(CITIZEN).ok('concern.submit', { ...form, photos: [own] });
    const view = await sys.as(CITIZEN).ok('concern.get', { id: _id });
    expect(view.photos).toEqual([{ fileID: own, url: expect.stringMatching(/^http/) }]);
  });
});

test('when a member replies with a photo that is not theirs, then VALIDATION and the concern is unchanged; their own is kept', async () => {
  const { _id: id } = await sys.as('o_files_asker').ok('concern.submit', form);
  const staff = sys.as(WHO.cityStaff);
  await staff.ok('concern.accept', { id });
  await staff.ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' } });
  await sys.as(WHO.member).ok('concern.start', { id });
  const foreign = await upload('o_files_asker', 'replies/o_files_asker/x.jpg');
  const res = await sys
    .as(WHO.member)
    .call('concern.reply', { id, text: '已协调供电所修复，请查看效果。', photos: [foreign] });
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'photos.0': expect.any(String) } } });
  expect((await sys.db.collection('concerns').doc(id).get()).data.status).toBe('in_progress');

  const own = await upload(WHO.member, `replies/${WHO.member}/fixed.jpg`);
  await sys.as(WHO.member).ok('concern.reply', { id, text: '已协调供电所修复，请查看效果。', photos: [own] });
  const view = await sys.as('o_files_asker').ok('concern.get', { id });
  expect(view.reply?.photos).toEqual([{ fileID: own, url: expect.stringMatching(/^http/) }]);
});

test('when a member logs a record with someone else’s file, then VALIDATION and no record; their own photo is kept', async () => {
  const record = {
    date: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    time: '00:05',
    channel: 'face' as const,
    place: '白银区四龙路社区',
    personTimes: 12,
    summary: '上门走访社区居民，了解老旧小区改造意见。',
  };
  const before = await count('liaison_records', { memberId: 'user-m02' });
  const foreign = await upload(WHO.huiningStaff, `notice-files/${WHO.huiningStaff}/a.jpg`);
  const res = await sys.as(WHO.member).call('liaison.log', { ...record, photos: [foreign] });
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'photos.0': expect.any(String) } } });
  expect(await count('liaison_records', { memberId: 'user-m02' })).toBe(before);

  const own = await upload(WHO.member, `liaison/${WHO.member}/visit.jpg`);
  await sys.as(WHO.member).ok('liaison.log', { ...record, photos: [own] });
  expect(await count('liaison_records', { memberId: 'user-m02' })).toBe(before + 1);
});

describe('a station photo', () => {
  const STAFF = 'o_staff_huining';
  const station = async () => (await sys.db.collection('workstations').doc('ws-huishi').get()).data;
  const edit = async (photo: string) => {
    const w = await station();
    return sys.as(STAFF).call('org.updateWorkstation', stationEdit(w, { photo }));
  };

  test("when staff set a photo from someone else's folder or of another kind, then it is refused and the station keeps none", async () => {
    const cases = [
      await upload('o_files_other', 'workstations/o_files_other/door.jpg'),
      await stored(`workstations/${STAFF}/door.pdf`),
      missing(await upload(STAFF, `workstations/${STAFF}/x.jpg`)),
    ];
    for (const photo of cases) {
      const res = await edit(photo);
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect((res as { error: { fields: Record<string, string> } }).error.fields.photo).toMatch(/照片/);
    }
    expect((await station()).photo ?? '').toBe('');
  });

  test('when staff set a photo they uploaded, then citizens get a link to it with the station page', async () => {
    const photo = await upload(STAFF, `workstations/${STAFF}/door.jpg`);
    expect(await edit(photo)).toMatchObject({ ok: true });
    const page = await sys.as('o_files_passerby').ok('org.getWorkstation', { workstationId: 'ws-huishi' });
    expect(page.photoUrl).toMatch(/^https?:\/\//);
    expect(Buffer.from(await (await fetch(page.photoUrl)).arrayBuffer()).toString()).toBe(JPEG.toString());
    // An edit that leaves the photo as it was does not need it re-uploaded.
    expect(await edit(photo)).toMatchObject({ ok: true });
  });
});
