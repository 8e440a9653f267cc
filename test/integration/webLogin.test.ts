/**
 * Signing in on a PC by scanning with the mini-program (issue 12): the PC is a web caller
 * (test/integration/webClient.ts), the phone a mini-program caller.
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import type { WebLoginPoll } from '@lxq/types';
import { functionEnvironment } from '../../emulator/webAuth';
import { stationEdit } from './stations';
import { startSystem, WHO, type System } from './system';
import { webClient, type WebClient } from './webClient';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
}, 120_000);
afterAll(() => sys.stop());

const DEVICE = 'Chrome · Windows';
const staff = () => sys.as(WHO.huiningStaff);

/** A PC showing a fresh code. */
async function pcWithCode() {
  const pc = await webClient(sys);
  const code = await pc.ok('account.webLoginStart', { device: DEVICE });
  return { pc, id: code.id, code };
}

/** A PC signed in as 会宁 staff by scan. */
async function signedInPc(): Promise<{ pc: WebClient; sessionId: string }> {
  const { pc, id } = await pcWithCode();
  await staff().ok('account.webLoginConfirm', { id });
  const poll = await pc.ok('account.webLoginPoll', { id });
  if (poll.status !== 'confirmed') throw new Error(`not confirmed: ${poll.status}`);
  expect(await pc.signIn(poll.ticket)).toBe(200);
  return { pc, sessionId: poll.sessionId };
}

/** The function's clock moved on: the login was started `seconds` earlier than it was. */
async function age(id: string, seconds: number) {
  const { data } = await sys.db.collection('web_logins').doc(id).get();
  const back = (d: Date) => new Date(new Date(d).getTime() - seconds * 1000);
  await sys.db
    .collection('web_logins')
    .doc(id)
    .update({ data: { createdAt: back(data.createdAt), expiresAt: back(data.expiresAt) } });
}

test('when a staff member confirms the PC code in the mini-program, then the PC is signed in as them with their roles and scope', async () => {
  const { pc, id, code } = await pcWithCode();
  expect(code.qr).toMatch(/^data:image\/png;base64,/);
  expect(new Date(code.expiresAt).getTime() - Date.now()).toBeGreaterThan(110_000);
  expect(await pc.ok('account.webLoginPoll', { id })).toEqual({ status: 'pending' });

  const seen = await staff().ok('account.webLoginInspect', { id });
  expect(seen.device).toBe(DEVICE);
  expect(await staff().ok('account.webLoginConfirm', { id })).toEqual({ device: DEVICE });

  const poll = (await pc.ok('account.webLoginPoll', { id })) as Extract<WebLoginPoll, { status: 'confirmed' }>;
  expect(poll.status).toBe('confirmed');
  expect(poll.ticket).toMatch(/^[\w-]+\/@@\/[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(await pc.signIn(poll.ticket)).toBe(200);

  const me = await pc.ok('account.me', {});
  expect(me.openid).toBe(WHO.huiningStaff);
  expect(me.roles).toContain('staff');
  expect(me.scopes.map((s) => s.name)).toEqual([expect.stringContaining('会宁')]);
  const queue = await pc.ok('concern.listForStaff', { pageSize: 5 });
  expect(queue.items.length).toBeGreaterThan(0);

  const { data: session } = await sys.db.collection('web_sessions').doc(poll.sessionId).get();
  expect(session).toMatchObject({ openid: WHO.huiningStaff, device: DEVICE, endedAt: null });
  const { data: audit } = await sys.db
    .collection('audit')
    .where({ target: `web_sessions/${poll.sessionId}` })
    .get();
  expect(audit).toHaveLength(1);
  // The PC sees itself among the devices, marked as the one in use.
  const devices = await pc.ok('account.listSessions', {});
  expect(devices.items.find((d) => d._id === poll.sessionId)).toMatchObject({ current: true, device: DEVICE });
});

test('when two minutes have passed on the function clock, then the code has expired on both screens and nothing is stored', async () => {
  const { pc, id } = await pcWithCode();
  await age(id, 100);
  expect((await staff().ok('account.webLoginInspect', { id })).device).toBe(DEVICE);
  await age(id, 21);
  expect(await pc.ok('account.webLoginPoll', { id })).toEqual({ status: 'expired' });
  const inspect = await staff().call('account.webLoginInspect', { id });
  expect(inspect).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE', message: expect.stringContaining('过期') },
  });
  const confirm = await staff().call('account.webLoginConfirm', { id });
  expect(confirm).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  const { data } = await sys.db.collection('web_logins').doc(id).get();
  expect(data).toMatchObject({ status: 'pending', sessionId: null });
});

test('when a code has been confirmed, then it works once: a second confirm, by anyone, is refused and the ticket is handed out once', async () => {
  const { pc, id } = await pcWithCode();
  await staff().ok('account.webLoginConfirm', { id });
  for (const who of [WHO.huiningStaff, WHO.admin]) {
    const again = await sys.as(who).call('account.webLoginConfirm', { id });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('已使用') },
    });
  }
  expect((await pc.ok('account.webLoginPoll', { id })).status).toBe('confirmed');
  expect(await pc.ok('account.webLoginPoll', { id })).toEqual({ status: 'used' });
  const { data } = await sys.db.collection('web_sessions').where({ openid: WHO.admin }).get();
  expect(data).toHaveLength(0);
});

test('when another browser polls a code it did not show, then it learns nothing', async () => {
  const { id } = await pcWithCode();
  await staff().ok('account.webLoginConfirm', { id });
  const thief = await webClient(sys);
  const res = await thief.call('account.webLoginPoll', { id });
  expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  // A mini-program caller cannot collect it either.
  expect(await sys.as(WHO.admin).call('account.webLoginPoll', { id })).toMatchObject({ ok: false });
});

test('when the person refuses on the phone, then both screens say so and the code is spent', async () => {
  const { pc, id } = await pcWithCode();
  expect(await staff().ok('account.webLoginRefuse', { id })).toEqual({ refused: true });
  expect(await pc.ok('account.webLoginPoll', { id })).toEqual({ status: 'refused' });
  const confirm = await staff().call('account.webLoginConfirm', { id });
  expect(confirm).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE', message: expect.stringContaining('拒绝') },
  });
});

test('when a citizen or member scans the code, then they cannot sign the PC in', async () => {
  const { pc, id } = await pcWithCode();
  for (const who of [WHO.citizen, WHO.member]) {
    expect(await sys.as(who).call('account.webLoginConfirm', { id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  }
  expect(await pc.ok('account.webLoginPoll', { id })).toEqual({ status: 'pending' });
});

test('when the input is bad, then the caller is told in Chinese and nothing is stored', async () => {
  const pc = await webClient(sys);
  const before = (await sys.db.collection('web_logins').count()).total;
  expect(await pc.call('account.webLoginStart', { device: '' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { device: expect.stringContaining('设备') } },
  });
  expect(await pc.call('account.webLoginPoll', { id: 'x' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION' },
  });
  expect((await sys.db.collection('web_logins').count()).total).toBe(before);
  // A mini-program caller does not start a PC login.
  expect(await staff().call('account.webLoginStart', { device: DEVICE })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});

test('when the session is ended from the phone, then the PC is refused at once and no longer listed', async () => {
  const { pc, sessionId } = await signedInPc();
  const listed = await staff().ok('account.listSessions', {});
  expect(listed.items.find((s) => s._id === sessionId)).toMatchObject({ device: DEVICE, current: false });
  // Another person cannot end it.
  expect(await sys.as(WHO.admin).call('account.endSession', { id: sessionId })).toMatchObject({ ok: false });
  expect(await staff().ok('account.endSession', { id: sessionId })).toEqual({ ended: true });
  const res = await pc.call('account.me', {});
  expect(res).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('重新扫码') },
  });
  expect((await staff().ok('account.listSessions', {})).items.map((s) => s._id)).not.toContain(sessionId);
});

test('when the PC signs out, then its session ends', async () => {
  const { pc, sessionId } = await signedInPc();
  expect(await pc.ok('account.endSession', { id: sessionId })).toEqual({ ended: true });
  expect(await pc.call('concern.listForStaff', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test("when the person's staff role is taken away, then their PC session stops", async () => {
  const { pc } = await signedInPc();
  const { data } = await sys.db.collection('users').where({ openid: WHO.huiningStaff }).get();
  const user = data[0] as { _id: string; roles: string[] };
  await sys.db
    .collection('users')
    .doc(user._id)
    .update({ data: { roles: ['member'] } });
  try {
    expect(await pc.call('account.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  } finally {
    await sys.db
      .collection('users')
      .doc(user._id)
      .update({ data: { roles: user.roles } });
  }
});

test('when a browser sends someone else’s identity, then it stays who its login says', async () => {
  const { pc } = await signedInPc();
  const me = await pc.call('account.me', {}, undefined, { 'x-wx-openid': WHO.admin });
  expect(me).toMatchObject({ ok: true, data: { openid: WHO.huiningStaff } });

  // A ticket signed with any other key, or altered, is refused by the login service.
  const forger = await webClient(sys);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ env: 'lxq-local', uid: 'a'.repeat(24), exp: Date.now() + 600_000 })}`;
  const sig = createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url');
  const keyId = (JSON.parse(functionEnvironment().CUSTOM_LOGIN_KEY) as { private_key_id: string }).private_key_id;
  expect(await forger.signIn(`${keyId}/@@/${body}.${sig}`)).toBe(401);

  const { pc: other, id } = await pcWithCode();
  await sys.as(WHO.admin).ok('account.webLoginConfirm', { id });
  const poll = (await other.ok('account.webLoginPoll', { id })) as Extract<WebLoginPoll, { status: 'confirmed' }>;
  const [kid, jwt] = poll.ticket.split('/@@/');
  const [h, p, s] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as object;
  const altered = `${kid}/@@/${h}.${b64({ ...claims, uid: 'b'.repeat(24) })}.${s}`;
  expect(await forger.signIn(altered)).toBe(401);
});

test('when a citizen opens the console in a browser, then staff actions are refused and a timer cannot be fired', async () => {
  const visitor = await webClient(sys);
  expect(await visitor.call('concern.listForStaff', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await visitor.call('account.listSessions', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const timer = await visitor.raw('concern', { Type: 'Timer', TriggerName: 'daily', Time: new Date().toISOString() });
  expect(timer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test("when a signed-in PC uploads a station photo into the person's folder, then the station takes it; anonymous, overwriting or someone else's folder is refused", async () => {
  const photo = Buffer.from('JFIF station door');
  const anonymous = await webClient(sys);
  expect((await anonymous.upload(`workstations/${WHO.huiningStaff}/door.jpg`, photo)).status).toBe(403);

  const { pc } = await signedInPc();
  const mine = await pc.upload(`workstations/${WHO.huiningStaff}/pc-door.jpg`, photo);
  expect(mine.status).toBe(200);
  // The file is there now: no one (this PC included) may write over it.
  expect((await pc.upload(`workstations/${WHO.huiningStaff}/pc-door.jpg`, Buffer.from('JFIF other'))).status).toBe(403);
  const theirs = await pc.upload(`workstations/o_someone_else/pc-door.jpg`, photo);
  expect(theirs.status).toBe(200); // the rule cannot see folders; the function refuses below

  const { data: w } = await sys.db.collection('workstations').doc('ws-huishi').get();
  const edit = (file: string) => pc.call('org.updateWorkstation', stationEdit(w, { photo: file }));
  expect(await edit(theirs.fileID!)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(await edit(mine.fileID!)).toMatchObject({ ok: true });
  const page = await sys.as('o_web_passerby').ok('org.getWorkstation', { workstationId: 'ws-huishi' });
  expect(Buffer.from(await (await fetch(page.photoUrl)).arrayBuffer()).toString()).toBe('JFIF station door');
});
