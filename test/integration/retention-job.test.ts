/**
 * The privacy page's promise kept (issue 21): the nightly housekeeping job removes the personal
 * data of concerns finished longer ago than their unit's retention (phone, openid, photos, exact
 * place) and of duty receptions (visitor's name and phone), keeps what the statistics count, and
 * audits it. The clock is moved by firing the timer as if years later.
 */
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const DAY = 86_400_000;
const yearsLater = (years: number, days = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return new Date(d.getTime() + days * DAY);
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the timer answers its job's own shape
const nightly = (at: Date) => sys.emulator.fireTimer('housekeeping', 'purgeExpired', at) as Promise<any>;
const stored = async (coll: string, id: string) => (await sys.db.collection(coll).doc(id).get()).data;

const CITIZEN = 'o_ret_job_citizen';
const form = {
  category: '民生',
  title: '小区门口路灯坏了',
  text: '会师镇幸福小区门口的三盏路灯已经坏了三个月，晚上出行很不方便。',
  phone: '13909431234',
  consent: true,
  location: { lat: 35.694321, lng: 105.054987, address: '会师镇幸福小区3号楼' },
} as const;

async function upload(cloudPath: string): Promise<string> {
  const body = new FormData();
  body.append('file', new Blob([Buffer.from('JFIF photo of the street')]), cloudPath.split('/').pop());
  body.append('cloudPath', cloudPath);
  const res = await fetch(`${sys.emulator.url}/__cloud/upload`, {
    method: 'POST',
    headers: { 'X-WX-OPENID': CITIZEN },
    body,
  });
  return ((await res.json()) as { fileID: string }).fileID;
}

const reception = (id: string, unit: string[]) => ({
  _id: id,
  shiftId: 'shift-ret',
  workstationId: 'ws-huishi',
  workstationName: '会师镇委员工作站',
  unitId: unit[unit.length - 1],
  unitPath: unit,
  memberId: 'user-m02',
  memberName: '委员',
  date: '2026-01-05',
  people: 1,
  topic: '咨询养老保险',
  visitorName: '王秀兰',
  visitorPhone: '13809430000',
  consent: true,
  concernId: null,
  createdAt: new Date(),
});

test('when a finished concern and a reception pass the retention, then their personal data goes, the statistics stay, and it is audited once', async () => {
  const photo = await upload(`concerns/${CITIZEN}/street.jpg`);
  const citizen = sys.as(CITIZEN);
  const staff = sys.as(WHO.huiningStaff);
  const finished = (await citizen.ok('concern.submit', { ...form, workstationId: 'ws-huishi', photos: [photo] }))._id;
  const open = (await citizen.ok('concern.submit', { ...form, workstationId: 'ws-huishi' }))._id;
  await staff.ok('concern.reject', { id: finished, reason: '不属于政协受理范围' });
  await sys.emulator.mediaChecksSettled();
  await sys.db.collection('receptions').add({ data: reception('rec-ret-1', ['u-gansu', 'u-baiyin', 'u-huining']) });
  const countsBefore = (await staff.ok('concern.listForStaff', { pageSize: 1 })).counts;

  // A day short of three years: ours are not due yet (the demo data's older records may be).
  const early = await nightly(yearsLater(3, -1));
  expect(early).toMatchObject({ ok: true, data: { deidentified: { unfinished: false } } });
  expect((await stored('concerns', finished)).phone).toBe('13909431234');
  expect((await stored('receptions', 'rec-ret-1')).visitorName).toBe('王秀兰');

  const run = await nightly(yearsLater(3, 1));
  expect(run.data.deidentified).toMatchObject({ unfinished: false });
  expect(run.data.deidentified.concerns).toBeGreaterThanOrEqual(1);
  expect(run.data.deidentified.receptions).toBeGreaterThanOrEqual(1);
  const c = await stored('concerns', finished);
  expect(c).toMatchObject({
    phone: null,
    submitterOpenid: '',
    photos: [],
    address: null,
    location: { lat: 35.69, lng: 105.05 },
    title: form.title,
    category: '民生',
    status: 'rejected',
  });
  expect(c.deidentifiedAt).toBeTruthy();
  expect(c.timeline.some((e: { by: string }) => e.by === CITIZEN)).toBe(false);
  // The photo's file is gone from storage.
  const link = await fetch(`${sys.emulator.url}/__cloud/tempUrl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': CITIZEN },
    body: JSON.stringify({ fileList: [photo] }),
  });
  const url = ((await link.json()) as { fileList: { tempFileURL?: string }[] }).fileList[0]?.tempFileURL;
  expect(url ? (await fetch(url)).status : 404).toBe(404);
  // An open concern keeps everything; so does the citizen's list lose only the stripped one.
  expect((await stored('concerns', open)).phone).toBe('13909431234');
  expect((await citizen.ok('concern.listMine', {})).items.map((i) => i._id)).toEqual([open]);
  expect(await stored('receptions', 'rec-ret-1')).toMatchObject({ visitorName: null, visitorPhone: null, people: 1 });
  // The statistics count what they counted.
  expect((await staff.ok('concern.listForStaff', { pageSize: 1 })).counts).toEqual(countsBefore);
  const audited = async (target: string) =>
    (await sys.db.collection('audit').where({ target, action: 'retention.deidentify' }).limit(100).get()).data;
  const audit = [...(await audited('concerns')), ...(await audited('receptions'))];
  expect(audit.flatMap((a: { after: { ids: string[] } }) => a.after.ids)).toEqual(
    expect.arrayContaining([finished, 'rec-ret-1']),
  );

  // The next night finds nothing more to do.
  const again = await nightly(yearsLater(3, 2));
  expect(again.data.deidentified).toMatchObject({ concerns: 0, receptions: 0 });
});

test('when a unit keeps personal data longer, then its records are stripped only after its own figure', async () => {
  await sys.db.collection('unit_settings').add({
    data: {
      _id: 'u-jingyuan',
      concernLimits: { acceptWorkingDays: 3, replyDays: 15 },
      retentionYears: 5,
      unitName: '政协靖远县委员会',
      updatedAt: new Date(),
      updatedBy: 'test',
    },
  });
  await sys.db.collection('receptions').add({ data: reception('rec-ret-5y', ['u-gansu', 'u-baiyin', 'u-jingyuan']) });
  await sys.db.collection('receptions').add({ data: reception('rec-ret-3y', ['u-gansu', 'u-baiyin', 'u-huining']) });

  await nightly(yearsLater(4));
  expect((await stored('receptions', 'rec-ret-3y')).visitorName).toBeNull();
  expect((await stored('receptions', 'rec-ret-5y')).visitorName).toBe('王秀兰');

  await nightly(yearsLater(5, 1));
  expect((await stored('receptions', 'rec-ret-5y')).visitorName).toBeNull();
});
