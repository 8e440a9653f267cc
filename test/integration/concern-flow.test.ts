/**
 * Public concerns end to end through the real concern function: triage, assignment, the
 * member's reply, the citizen's rating and reopening, counters, scope, and the timers. The
 * process runs in UTC (as the cloud does); days are China's.
 */
process.env.TZ = 'UTC';
import type { ActionInput } from '@lxq/types';
import { inChina } from '../../cloudfunctions/shared/time';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const MEMBER = WHO.member; // 白银 member: in the city staff's scope
const form: ActionInput<'concern.submit'> = {
  workstationId: 'ws-huishi',
  category: '民生',
  title: '小区供暖温度不达标',
  text: '会师镇幸福小区入冬以来室内温度只有十四度左右，老人孩子受不了，希望尽快协调供热公司解决。',
  phone: '13909435678',
  consent: true,
};

const stored = async (id: string) => (await sys.db.collection('concerns').doc(id).get()).data;
const counts = async (openid: string = WHO.huiningStaff) =>
  (await sys.as(openid).ok('concern.listForStaff', { pageSize: 1 })).counts;
const submit = async (openid: string, extra: Partial<typeof form> = {}) =>
  (await sys.as(openid).ok('concern.submit', { ...form, ...extra }))._id;
const inbox = async (openid: string) =>
  (await sys.db.collection('inbox').where({ openid }).limit(100).get()).data as {
    _id: string;
    title: string;
    page: string;
  }[];

test('when a concern goes from submission to rating, then every step is in the timeline, the submitter is told, and the counters follow', async () => {
  const citizen = sys.as('o_c_flow');
  const staff = sys.as(WHO.cityStaff);
  const member = sys.as(MEMBER);
  const before = await counts(WHO.cityStaff);
  const id = await submit('o_c_flow');

  expect(await staff.ok('concern.accept', { id }, newRequestId())).toEqual({ status: 'accepted' });
  const options = await staff.ok('concern.assigneeOptions', { id, kind: 'committee' });
  expect(options.items.length).toBeGreaterThan(0);
  await staff.ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' }, note: '请尽快联系供热公司' });
  await staff.ok('concern.addNote', { id, text: '供热公司负责人电话已转委员' });

  // The member sees it in 分派给我 with the phone in full; staff see it masked.
  const mine = await member.ok('concern.listAssigned', {});
  expect(mine.items.map((c) => c._id)).toContain(id);
  const asMember = await member.ok('concern.get', { id });
  expect(asMember).toMatchObject({ audience: 'handler', phone: '13909435678', can: { start: true, reply: false } });
  expect(asMember.notes).toBeUndefined();
  expect((await staff.ok('concern.get', { id })).phone).toBe('139****5678');

  await member.ok('concern.start', { id });
  await member.ok('concern.reply', { id, text: '已联系供热公司加压供热，三天内室温达到十八度以上，请您留意。' });
  expect(await citizen.ok('concern.rate', { id, score: 5, comment: '很满意' })).toEqual({ score: 5 });

  const view = await citizen.ok('concern.get', { id });
  expect(view.audience).toBe('submitter');
  expect(view.timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'assign', 'start', 'reply', 'rate']);
  expect(view.notes).toBeUndefined();
  expect(view.phone).toBeUndefined();
  expect(view.reply?.text).toContain('供热公司');
  expect(view.can).toMatchObject({ rate: false, reopen: true });

  const doc = await stored(id);
  expect(doc).toMatchObject({ status: 'replied', dueAt: null, rating: { score: 5 } });
  expect(doc.notes).toHaveLength(1);
  expect((await inbox(await openidOf('user-m02'))).some((i) => i.page === `member/assigned/detail?id=${id}`)).toBe(
    true,
  );

  const after = await counts(WHO.cityStaff);
  expect(after.replied).toBe((before.replied ?? 0) + 1);
  expect(after.submitted).toBe(before.submitted ?? 0);
  const figures = await staff.ok('concern.figures', {});
  expect(figures.averageRating).not.toBeNull();
  expect(figures.answered).toBeGreaterThanOrEqual(1);
});

async function openidOf(userId: string): Promise<string> {
  return (await sys.db.collection('users').doc(userId).get()).data.openid;
}

test('when the citizen reopens within 7 days, then it is back in progress once, and a second time is refused', async () => {
  const id = await handled('o_c_reopen');
  const citizen = sys.as('o_c_reopen');
  expect(await citizen.ok('concern.reopen', { id, reason: '温度还是不够，晚上更冷' })).toEqual({
    status: 'in_progress',
  });
  await sys.as(MEMBER).ok('concern.reply', { id, text: '已再次督促供热公司，并上门测温确认达标。' });
  const again = await citizen.call('concern.reopen', { id, reason: '还是不满意，再办一次' });
  expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  expect((await stored(id)).reopenCount).toBe(1);
});

/** A concern of `openid`'s that the member has replied to. */
async function handled(openid: string, extra: Partial<typeof form> = {}): Promise<string> {
  const id = await submit(openid, extra);
  const staff = sys.as(WHO.cityStaff);
  await staff.ok('concern.accept', { id });
  await staff.ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' } });
  await sys.as(MEMBER).ok('concern.start', { id });
  await sys.as(MEMBER).ok('concern.reply', { id, text: '已经协调处理完毕，请您查看效果。' });
  return id;
}

test('when an action is not allowed in the current status, then it is refused with INVALID_STATE and nothing changes', async () => {
  const id = await submit('o_c_illegal');
  const staff = sys.as(WHO.huiningStaff);
  const before = await stored(id);
  for (const res of [
    await staff.call('concern.close', { id }),
    await staff.call('concern.assign', { id, target: { kind: 'workstation', id: 'ws-huishi' } }),
    await sys.as(MEMBER).call('concern.reply', { id, text: '没有受理就答复是不允许的。' }),
    await sys.as('o_c_illegal').call('concern.rate', { id, score: 3 }),
    await sys.as('o_c_illegal').call('concern.reopen', { id, reason: '还没答复就重开' }),
  ]) {
    expect(res.ok ? 'ok' : res.error.code).toMatch(/INVALID_STATE|FORBIDDEN/);
  }
  expect(await stored(id)).toEqual(before);
});

test('when staff reject without a reason, then they are told per field; with one, the citizen reads it', async () => {
  const id = await submit('o_c_reject');
  const staff = sys.as(WHO.huiningStaff);
  expect(await staff.call('concern.reject', { id, reason: '' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { reason: '请填写不予受理的理由' } },
  });
  expect((await stored(id)).status).toBe('submitted');
  await staff.ok('concern.reject', { id, reason: '该事项属于物业合同纠纷，请通过法律途径解决' });
  const view = await sys.as('o_c_reject').ok('concern.get', { id });
  expect(view.status).toBe('rejected');
  expect(view.timeline.at(-1)).toMatchObject({ action: 'reject', note: '该事项属于物业合同纠纷，请通过法律途径解决' });
});

test('when staff of another county act on a concern, then they are refused and cannot see it', async () => {
  const id = await submit('o_c_scope');
  const other = sys.as(WHO.jingyuanStaff);
  expect(await other.call('concern.accept', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await other.call('concern.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await sys.as('o_stranger').call('concern.get', { id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect((await stored(id)).status).toBe('submitted');
});

test('when a concern is marked a duplicate, then candidates include the original and the citizen follows it', async () => {
  const original = await submit('o_c_orig', { location: { lat: 35.69, lng: 105.05 } });
  const dup = await submit('o_c_dup', { location: { lat: 35.6905, lng: 105.0502 }, title: '幸福小区暖气不热' });
  const staff = sys.as(WHO.huiningStaff);
  const { items } = await staff.ok('concern.duplicateCandidates', { id: dup });
  expect(items.find((c) => c._id === original)?.why).toMatch(/同类别，相距|内容相似/);
  await staff.ok('concern.markDuplicate', { id: dup, originalId: original });
  const view = await sys.as('o_c_dup').ok('concern.get', { id: dup });
  expect(view).toMatchObject({ status: 'duplicate', duplicateOf: { _id: original, status: 'submitted' } });
});

test('when 10 staff retries accept at once and 10 other concerns are accepted concurrently, then the counters stay exact', async () => {
  const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(`o_c_count_${i}`)));
  const before = await counts();
  const requestId = newRequestId();
  const staff = sys.as(WHO.huiningStaff);
  const retries = await Promise.all(
    Array.from({ length: 10 }, () => staff.call('concern.accept', { id: ids[0] }, requestId)),
  );
  expect(retries.every((r) => r.ok)).toBe(true);
  await Promise.all(ids.slice(1).map((id) => staff.ok('concern.accept', { id })));
  const after = await counts();
  expect(after.submitted).toBe((before.submitted ?? 0) - 10);
  expect(after.accepted).toBe((before.accepted ?? 0) + 10);
  const timeline = (await stored(ids[0])).timeline.filter((e: { action: string }) => e.action === 'accept');
  expect(timeline).toHaveLength(1);
});

test('when the asynchronous image check flags a photo, then the concern is kept, the photo is hidden from all but staff, staff are told and it is audited', async () => {
  const upload = async (name: string, body: string) => {
    const res = await fetch(`${sys.emulator.url}/__cloud/upload`, {
      method: 'POST',
      body: (() => {
        const f = new FormData();
        f.append('file', new Blob([body], { type: 'image/jpeg' }), name);
        f.append('cloudPath', `concerns/o_c_photo/${name}`);
        return f;
      })(),
      headers: { 'X-WX-OPENID': 'o_c_photo' },
    });
    return ((await res.json()) as { fileID: string }).fileID;
  };
  const bad = await upload('a.jpg', 'JFIF RISKY-IMAGE');
  const good = await upload('b.jpg', 'JFIF clean photo');
  // The submission does not wait for the check: both photos are stored, each with its trace id.
  const { _id } = await sys.as('o_c_photo').ok('concern.submit', { ...form, photos: [bad, good] });
  const checks = (await stored(_id)).mediaChecks as { traceId: string; fileID: string }[];
  expect(checks.map((m) => m.fileID)).toEqual([bad, good]);
  expect(checks.every((m) => /\S{8,}/.test(m.traceId))).toBe(true);

  await sys.emulator.mediaChecksSettled();
  const doc = await stored(_id);
  expect(doc.hiddenPhotos).toEqual([bad]);
  expect(doc.needsReview).toBe(true);
  expect(doc.timeline.at(-1)).toMatchObject({
    action: 'note',
    byName: '系统',
    note: expect.stringContaining('未通过'),
  });
  const view = await sys.as('o_c_photo').ok('concern.get', { id: _id });
  expect(view.photos).toEqual([{ fileID: good, url: expect.stringMatching(/^http/) }]);
  const staffView = await sys.as(WHO.huiningStaff).ok('concern.get', { id: _id });
  expect(staffView.photos).toEqual([
    { fileID: bad, url: expect.stringMatching(/^http/), hidden: true },
    { fileID: good, url: expect.stringMatching(/^http/) },
  ]);
  const queue = await sys.as(WHO.huiningStaff).ok('concern.listForStaff', { pageSize: 50 });
  expect(queue.items.find((c) => c._id === _id)?.needsReview).toBe(true);
  const audit = (
    await sys.db
      .collection('audit')
      .where({ target: `concerns/${_id}`, action: 'media.flagged' })
      .get()
  ).data;
  expect(audit).toHaveLength(1);
  expect(audit[0].after).toMatchObject({ hiddenPhotos: [bad], suggest: 'risky' });

  // A client dressing up as the platform's push is refused and changes nothing.
  const event = {
    Event: 'wxa_media_check',
    trace_id: checks[0].traceId,
    result: { suggest: 'risky', label: 20002 },
  };
  expect(await sys.emulator.callFunction('concern', event, 'o_c_photo')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect((await stored(_id)).timeline).toHaveLength(doc.timeline.length);
});

test('when citizens and members act, then each costs the round trips measured here', async () => {
  const id = await submit('o_c_trips');
  const staff = sys.as(WHO.cityStaff);
  await staff.ok('concern.accept', { id });
  await staff.ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' } });
  const trips = async (fn: () => Promise<unknown>) => {
    const before = sys.emulator.database.roundTrips;
    await fn();
    return sys.emulator.database.roundTrips - before;
  };
  const start = await trips(() => sys.as(MEMBER).ok('concern.start', { id }));
  const reply = await trips(() => sys.as(MEMBER).ok('concern.reply', { id, text: '已协调处理，请查看效果并评价。' }));
  const rate = await trips(() => sys.as('o_c_trips').ok('concern.rate', { id, score: 4 }));
  const reopen = await trips(() => sys.as('o_c_trips').ok('concern.reopen', { id, reason: '仍有问题需要处理' }));
  const listMine = await trips(() => sys.as('o_c_trips').ok('concern.listMine', {}));
  console.log(`round trips: start ${start}, reply ${reply}, rate ${rate}, reopen ${reopen}, listMine ${listMine}`);
  expect(rate).toBeLessThanOrEqual(4);
  expect(reopen).toBeLessThanOrEqual(4);
  expect(listMine).toBeLessThanOrEqual(4);
  // The submitter is told by a flag in the same change and a push (no database round trip).
  expect(start).toBeLessThanOrEqual(4);
  expect(reply).toBeLessThanOrEqual(4);
});

/** A subscription the citizen allowed for status pushes, `n` times. */
async function allowPushes(openid: string, n: number) {
  for (let k = 0; k < n; k++) {
    await fetch(`${sys.emulator.url}/__cloud/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateIds: ['TPL_CONCERN_STATUS'], result: 'accept' }),
    });
  }
}
const pushesTo = (openid: string, since: number) =>
  sys.emulator
    .outbox()
    .slice(since)
    .filter((o) => o.touser === openid);

test('when staff and the member move a concern on, then 我的诉求 shows 有新进展 until the citizen opens it, and each change pushes once', async () => {
  const citizen = sys.as('o_c_news');
  const id = await submit('o_c_news');
  await allowPushes('o_c_news', 3);
  const since = sys.emulator.outbox().length;
  const row = async () => (await citizen.ok('concern.listMine', {})).items.find((c) => c._id === id);
  expect((await row())?.unread).toBe(false);

  const staff = sys.as(WHO.cityStaff);
  await staff.ok('concern.accept', { id });
  expect((await row())?.unread).toBe(true);
  expect(await inbox('o_c_news')).toEqual([]); // citizens have no inbox page: nothing written there

  // Opening the detail is seeing it: the dot goes, and a second open writes nothing.
  await citizen.ok('concern.get', { id });
  expect((await row())?.unread).toBe(false);
  expect((await stored(id)).submitterUnread).toBe(false);

  await staff.ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' } });
  // The member starts; the same request retried 3 times changes and pushes once.
  const requestId = newRequestId();
  const starts = await Promise.all([1, 2, 3].map(() => sys.as(MEMBER).call('concern.start', { id }, requestId)));
  expect(starts.map((r) => r.ok)).toEqual([true, true, true]);
  expect((await row())?.unread).toBe(true);
  const pushes = pushesTo('o_c_news', since);
  expect(pushes.map((p) => p.data.phrase2.value)).toEqual(['已受理', '已交办', '办理中']);
  expect(pushes[0].page).toBe(`pages/concern/detail?id=${id}`);

  // With no subscription left, the change still goes through; the flag is the notice.
  await sys.as(MEMBER).ok('concern.reply', { id, text: '已协调处理完毕，请您查看效果并评价。' });
  expect(await stored(id)).toMatchObject({ status: 'replied', submitterUnread: true });
  expect(pushesTo('o_c_news', since)).toHaveLength(3);
});

test('when a citizen reopens, then the fresh reply window is the unit’s, not the default 15 days', async () => {
  const admin = sys.as(WHO.admin);
  const before = await admin.ok('concern.getSettings', {});
  await admin.ok('concern.saveSettings', { acceptWorkingDays: 3, replyDays: 30 });
  try {
    const id = await handled('o_c_reopen30', { workstationId: 'ws-renmin' });
    expect((await stored(id)).limits).toEqual({ acceptWorkingDays: 3, replyDays: 30 });
    const reopened = Date.now();
    await sys.as('o_c_reopen30').ok('concern.reopen', { id, reason: '问题反弹，还需要再处理' });
    const c = await stored(id);
    const days = (new Date(c.dueAt).getTime() - reopened) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(31);
    expect(c.replyDueAt).toEqual(c.dueAt);

    // A concern stored before concerns kept their limits reads them from its bucket.
    const legacy = await handled('o_c_reopen_old', { workstationId: 'ws-renmin' });
    await sys.db
      .collection('concerns')
      .doc(legacy)
      .update({ data: { limits: sys.db.command.remove() } });
    await sys.as('o_c_reopen_old').ok('concern.reopen', { id: legacy, reason: '问题反弹，还需要再处理' });
    const old = await stored(legacy);
    expect((new Date(old.dueAt).getTime() - Date.now()) / 86_400_000).toBeGreaterThan(29);
  } finally {
    await admin.ok('concern.saveSettings', {
      acceptWorkingDays: before.acceptWorkingDays,
      replyDays: before.replyDays,
    });
  }
});

test('when staff attach a proposal link with or without a number, then the citizen sees both and a repeat adds nothing', async () => {
  const id = await handled('o_c_link');
  const staff = sys.as(WHO.cityStaff);
  expect(await staff.call('concern.link', { id, kind: 'proposal', title: '' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { title: '请填写关联标题' } },
  });
  await sys.as('o_c_link').ok('concern.get', { id }); // seen: the flag is off
  expect(
    await staff.ok('concern.link', { id, kind: 'proposal', title: '关于城区集中供热的提案', refId: '第 0123 号' }),
  ).toEqual({ links: 1 });
  expect(await staff.ok('concern.link', { id, kind: 'report', title: '供热质量社情民意' })).toEqual({ links: 2 });
  expect(await staff.ok('concern.link', { id, kind: 'report', title: '供热质量社情民意' })).toEqual({ links: 2 });
  const view = await sys.as('o_c_link').ok('concern.get', { id });
  expect(view.links).toEqual([
    { kind: 'proposal', refId: '第 0123 号', title: '关于城区集中供热的提案' },
    { kind: 'report', refId: '', title: '供热质量社情民意' },
  ]);
  expect(view.timeline.at(-1)).toMatchObject({ action: 'link', note: '已转为社情民意信息「供热质量社情民意」' });
});

test('when more than 100 concerns are overdue, then the queue counts 100 (shown as 99+) at the cost of one id-only query', async () => {
  const staff = sys.as(WHO.jingyuanStaff);
  const past = new Date(Date.now() - 86_400_000);
  const late = Array.from({ length: 120 }, (_, i) => ({
    _id: `c-late-${i}`,
    unitId: 'u-jingyuan',
    unitPath: ['u-gansu', 'u-baiyin', 'u-jingyuan'],
    workstationId: null,
    workstationName: null,
    category: '民生',
    title: `超期诉求 ${i}`,
    text: '超期的诉求',
    photos: [],
    status: 'submitted',
    submitterOpenid: `o_late_${i}`,
    anonymous: false,
    phone: null,
    timeline: [],
    dueAt: past,
    createdAt: past,
    updatedAt: past,
  }));
  await sys.db.collection('concerns').add({ data: late });
  const page = await staff.ok('concern.listForStaff', { overdue: true, pageSize: 5 });
  expect(page.overdue).toBe(100);
  expect(page.items).toHaveLength(5);
  expect((await staff.ok('concern.figures', {})).overdue).toBe(100);
});

test('when the daily timer fires, then each handler of overdue work is reminded once per China day, and staff get a weekly digest', async () => {
  const submitted = await submit('o_c_late1');
  const assigned = await submit('o_c_late2');
  const staff = sys.as(WHO.cityStaff);
  await staff.ok('concern.accept', { id: assigned });
  await staff.ok('concern.assign', { id: assigned, target: { kind: 'member', id: 'user-m02' } });
  const past = new Date(Date.now() - 3600_000);
  await sys.db
    .collection('concerns')
    .doc(submitted)
    .update({ data: { dueAt: past } });
  await sys.db
    .collection('concerns')
    .doc(assigned)
    .update({ data: { dueAt: past } });

  const overdue = await sys.as(WHO.huiningStaff).ok('concern.listForStaff', { overdue: true });
  expect(overdue.items.map((c) => c._id)).toEqual(expect.arrayContaining([submitted, assigned]));
  expect(overdue.items.every((c) => c.overdue)).toBe(true);

  await sys.emulator.fireTimer('concern', 'dailyReminder');
  await sys.emulator.fireTimer('concern', 'dailyReminder');
  const day = inChina(new Date()).format('YYYYMMDD');
  const staffItems = (await inbox(WHO.huiningStaff)).filter((i) => i._id.startsWith(`remind-${day}-`));
  expect(staffItems).toHaveLength(1);
  const memberItems = (await inbox(MEMBER)).filter((i) => i._id === `remind-${day}-${MEMBER}`);
  expect(memberItems).toHaveLength(1);
  expect(memberItems[0].page).toBe('member/assigned/index');

  await sys.emulator.fireTimer('concern', 'weeklyDigest');
  const digest = (await inbox(WHO.huiningStaff)).filter((i) => i._id.startsWith('digest-'));
  expect(digest).toHaveLength(1);
  expect(digest[0].title).toBe('群众诉求办理周报');
});

test('when an admin sets the unit time limits, then new concerns get the new accept deadline', async () => {
  const admin = sys.as(WHO.admin);
  expect(await admin.call('concern.saveSettings', { acceptWorkingDays: 0, replyDays: 10 })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { acceptWorkingDays: '至少 1 个工作日' } },
  });
  await admin.ok('concern.saveSettings', { acceptWorkingDays: 5, replyDays: 10 });
  expect(await admin.ok('concern.getSettings', {})).toMatchObject({ acceptWorkingDays: 5, replyDays: 10 });
  const id = await submit('o_c_limits', { workstationId: 'ws-renmin' });
  const c = await stored(id);
  const days = Math.round((new Date(c.replyDueAt).getTime() - new Date(c.createdAt).getTime()) / 86_400_000);
  expect(days).toBeGreaterThanOrEqual(10);
  expect(days).toBeLessThanOrEqual(11);
});
