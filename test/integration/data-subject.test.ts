/**
 * The privacy page's "需要更正或删除个人信息，可以联系我们" (issue 21): staff find everything stored
 * about a person in their units by phone or openid, export it for them and erase it, each audited;
 * and a citizen takes their phone number off their own concern.
 */
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 60_000);
afterAll(() => sys.stop());

const PERSON = 'o_subject_person';
const PHONE = '13909437777';
const form = {
  workstationId: 'ws-huishi',
  category: '民生',
  title: '小区门口积水严重',
  text: '会师镇幸福小区门口一下雨就积水，老人出行很不方便，希望修一下排水。',
  consent: true,
} as const;
const stored = async (coll: string, id: string) => (await sys.db.collection(coll).doc(id).get()).data;
const auditOf = async (target: string) =>
  (await sys.db.collection('audit').where({ target }).limit(20).get()).data as {
    action: string;
    after: Record<string, unknown>;
  }[];

let withPhone: string;
let withoutPhone: string;
beforeAll(async () => {
  const citizen = sys.as(PERSON);
  withPhone = (await citizen.ok('concern.submit', { ...form, phone: PHONE, location: { lat: 35.6943, lng: 105.0549 } }))
    ._id;
  withoutPhone = (await citizen.ok('concern.submit', { ...form, title: '路灯不亮' }))._id;
  await sys.as('o_subject_other').ok('concern.submit', { ...form, phone: '13909438888' });
  await sys.db.collection('receptions').add({
    data: {
      _id: 'rec-subject-1',
      shiftId: 'shift-subject',
      workstationId: 'ws-huishi',
      workstationName: '会师镇委员工作站',
      unitId: 'u-huining',
      unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
      memberId: 'user-m02',
      memberName: '委员',
      date: '2026-11-20',
      people: 1,
      topic: '咨询养老保险',
      visitorName: '王秀兰',
      visitorPhone: PHONE,
      consent: true,
      concernId: null,
      createdAt: new Date(),
    },
  });
});

test('when staff look a person up by phone, then they get that person’s concerns (also those without the phone) and receptions, masked, in their units only', async () => {
  const found = await sys.as(WHO.huiningStaff).ok('concern.subjectFind', { phone: PHONE });
  expect(found.concerns.map((c) => c._id).sort()).toEqual([withPhone, withoutPhone].sort());
  expect(found.concerns.find((c) => c._id === withPhone)).toMatchObject({
    phone: '139****7777',
    hasLocation: true,
    deidentified: false,
  });
  expect(found.receptions).toEqual([expect.objectContaining({ _id: 'rec-subject-1', visitorPhone: '139****7777' })]);
  expect(JSON.stringify(found)).not.toContain(PHONE);

  const byOpenid = await sys.as(WHO.huiningStaff).ok('concern.subjectFind', { openid: PERSON });
  expect(byOpenid.concerns).toHaveLength(2);

  const elsewhere = await sys.as(WHO.jingyuanStaff).ok('concern.subjectFind', { phone: PHONE });
  expect(elsewhere).toEqual({ concerns: [], receptions: [] });
});

test('when the lookup names no one or a malformed phone, then VALIDATION in Chinese on the field', async () => {
  const staff = sys.as(WHO.huiningStaff);
  expect(await staff.call('concern.subjectFind', {})).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { phone: '请填写手机号或微信标识' } },
  });
  expect(await staff.call('concern.subjectFind', { phone: '12345' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { phone: '请填写 11 位手机号' } },
  });
});

test('when staff export a person’s data, then the workbook holds everything found and the export is audited', async () => {
  const res = await sys.as(WHO.huiningStaff).ok('concern.subjectExport', { phone: PHONE }, newRequestId());
  expect(res.rows).toBe(3);
  const file = await fetch(res.url);
  expect(file.status).toBe(200);
  expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  const audit = await auditOf('subjects/phone:139****7777');
  expect(audit.find((a) => a.action === 'concern.subjectExport')?.after).toMatchObject({
    exported: { concerns: expect.arrayContaining([withPhone, withoutPhone]), receptions: ['rec-subject-1'] },
  });
});

test('when staff erase a person’s data, then phone, openid, place and names are gone, the records stay, it is audited, and again changes nothing', async () => {
  const staff = sys.as(WHO.huiningStaff);
  expect(await staff.ok('concern.subjectErase', { phone: PHONE }, newRequestId())).toEqual({
    concerns: 2,
    receptions: 1,
  });
  expect(await stored('concerns', withPhone)).toMatchObject({
    phone: null,
    submitterOpenid: '',
    address: null,
    location: { lat: 35.69, lng: 105.05 },
    title: form.title,
  });
  expect(await stored('receptions', 'rec-subject-1')).toMatchObject({ visitorName: null, visitorPhone: null });
  const audit = await auditOf('subjects/phone:139****7777');
  expect(audit.find((a) => a.action === 'concern.subjectErase')?.after).toMatchObject({
    erased: { concerns: expect.arrayContaining([withPhone, withoutPhone]), receptions: ['rec-subject-1'] },
  });
  // The other citizen's concern is untouched; nothing is left to erase for this phone.
  expect(await staff.ok('concern.subjectErase', { phone: PHONE }, newRequestId())).toEqual({
    concerns: 0,
    receptions: 0,
  });
  expect((await staff.ok('concern.subjectFind', { phone: '13909438888' })).concerns[0].phone).toBe('139****8888');
});

test('when a citizen removes the phone from their own concern, then it is gone and audited; someone else’s is not found', async () => {
  const citizen = sys.as('o_subject_self');
  const { _id } = await citizen.ok('concern.submit', { ...form, phone: '13909436666' });
  expect(await sys.as('o_subject_stranger').call('concern.removePhone', { id: _id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect((await stored('concerns', _id)).phone).toBe('13909436666');
  expect(await citizen.ok('concern.removePhone', { id: _id })).toEqual({ phone: null });
  expect((await stored('concerns', _id)).phone).toBeNull();
  expect((await citizen.ok('concern.get', { id: _id })).status).toBe('submitted');
  const audit = await auditOf(`concerns/${_id}`);
  expect(audit.find((a) => a.action === 'concern.removePhone')?.after).toEqual({ phone: null });
});
