/**
 * Issue 14's 制定方案 / 协商议事 / 议前调研 through the real topic function: the meeting arranged as
 * a meeting notice (members reply as to any), members signing in by the meeting's rotating code
 * (on time, late, absent once sign-in closes), research tasks given and closed, and each member's
 * part on their 成绩单. Roles, scope, bad input and retries for each new action.
 */
import { TOPIC_PARTICIPATION_RULE } from '@lxq/types';
import { readWorkbook } from '../liaisonXlsx';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const staff = () => sys.as(WHO.huiningStaff);
const db = () => sys.db;
const stored = async (id: string) => (await db().collection('topics').doc(id).get()).data;
const getDoc = async (id: string) => (await db().collection('topic_participation').doc(id).get()).data;
const rows = async (topicId: string) => (await db().collection('topic_participation').where({ topicId }).get()).data;
/** 会宁's members (scripts/seed/people.ts): three invited, one not. */
const [A, B, C, OUTSIDER] = ['31', '32', '33', '40'];
const openid = (n: string) => `o_member_${n}`;
const userId = (n: string) => `user-m${n}`;
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** A 会宁 topic confirmed and at 制定方案. */
async function topicAtPlan(title: string) {
  const { _id } = await staff().ok('topic.create', {
    title,
    background: '居民反映小区停车难，消防通道经常被占用，需要协商解决。',
    form: 'micro',
    source: 'party',
    workstationIds: ['ws-huishi'],
  });
  await staff().ok('topic.advance', { id: _id });
  await staff().ok('topic.screen', { id: _id, may: ['涉及群众切身利益的民生实事'], mayNot: [] });
  await staff().ok('topic.confirm', { id: _id, body: '会师镇党委+政协委员+群众代表', date: '2026-11-20' });
  return _id;
}

const meetingInput = (id: string) => ({
  id,
  title: '老旧小区停车难协商会',
  body: '围绕老旧小区停车难问题协商，请准时参加。',
  at: inMinutes(20),
  place: '会师镇委员工作站会议室',
  replyBy: inMinutes(10),
  targets: { userIds: [userId(A), userId(B), userId(C)] },
  guests: [{ name: '李社区', phone: '13912345678' }],
});

describe('the meeting, arranged through a notice and attended by scanning its code', () => {
  let topicId = '';
  let noticeId = '';

  test('when staff arrange the meeting, then a meeting notice goes to the members, each has a pending sign-in, the guests are kept, and it is audited once', async () => {
    topicId = await topicAtPlan('西关小区停车难协商');
    const notices = (await db().collection('notices').count()).total;
    const requestId = newRequestId();
    const input = meetingInput(topicId);
    const first = await staff().ok('topic.arrangeMeeting', input, requestId);
    expect(first).toMatchObject({ invited: 3, guests: 1 });
    expect(await staff().ok('topic.arrangeMeeting', input, requestId)).toEqual(first);
    noticeId = first.noticeId;
    const t = await stored(topicId);
    expect(t.meeting).toMatchObject({
      noticeId,
      place: '会师镇委员工作站会议室',
      invited: 3,
      guests: [{ name: '李社区' }],
    });
    expect(t.records.at(-1).text).toContain('安排协商会议');
    const notice = (await db().collection('notices').doc(noticeId).get()).data;
    expect(notice).toMatchObject({
      unitId: 'u-huining',
      title: '老旧小区停车难协商会',
      meeting: { place: '会师镇委员工作站会议室' },
    });
    expect((await db().collection('notices').count()).total).toBe(notices + 1);
    const invited = await rows(topicId);
    expect(invited.map((r: { userId: string }) => r.userId).sort()).toEqual([userId(A), userId(B), userId(C)]);
    expect(invited.every((r: { outcome: string }) => r.outcome === 'pending')).toBe(true);
    const { data: audit } = await db()
      .collection('audit')
      .where({ action: 'topic.arrangeMeeting', target: `topics/${topicId}` })
      .get();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain('13912345678');
    expect(JSON.stringify(audit[0])).not.toContain(t.meeting.codeSecret);
    // The staff view never carries the code's secret.
    expect(JSON.stringify(await staff().ok('topic.get', { id: topicId }))).not.toContain(t.meeting.codeSecret);
  });

  test('when arranged again, at the wrong step, with bad input, by another county or a member, then it is refused and nothing is written', async () => {
    const notices = (await db().collection('notices').count()).total;
    expect(await staff().call('topic.arrangeMeeting', meetingInput(topicId))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '本议题已安排协商会议' },
    });
    const fresh = await topicAtPlan('另一个议题的协商会');
    const bad = await staff().call('topic.arrangeMeeting', {
      ...meetingInput(fresh),
      at: new Date(Date.now() - 3_600_000).toISOString(),
      guests: [{ name: '李社区', phone: '12345' }],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'guests.0.phone': '请填写 11 位手机号' } },
    });
    const past = await staff().call('topic.arrangeMeeting', {
      ...meetingInput(fresh),
      at: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(past).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { at: '会议时间应晚于发送时间' } } });
    const nobody = await staff().call('topic.arrangeMeeting', {
      ...meetingInput(fresh),
      targets: { userIds: ['user-m01'] },
    });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { targets: expect.any(String) } } });
    expect(await sys.as(WHO.jingyuanStaff).call('topic.arrangeMeeting', meetingInput(fresh))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await sys.as(openid(A)).call('topic.arrangeMeeting', meetingInput(fresh))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await stored(fresh)).meeting ?? null).toBeNull();
    expect(await rows(fresh)).toEqual([]);
    expect((await db().collection('notices').count()).total).toBe(notices);
  });

  test('when members reply to the notice, then the topic shows their replies', async () => {
    await sys.as(openid(A)).ok('notice.reply', { id: noticeId, attending: true });
    await sys.as(openid(B)).ok('notice.reply', { id: noticeId, attending: false, reason: '出差在外' });
    const p = await staff().ok('topic.participants', { id: topicId });
    expect(p.meeting).toMatchObject({ noticeId, closed: false, guests: [{ name: '李社区', phone: '13912345678' }] });
    expect(p.meeting!.counts).toMatchObject({ invited: 3, attending: 1, notAttending: 1, onTime: 0, absent: 0 });
    expect(p.people.find((x) => x.userId === userId(B))).toMatchObject({
      reply: { attending: false, reason: '出差在外' },
      outcome: 'pending',
    });
    expect(await sys.as(WHO.jingyuanStaff).call('topic.participants', { id: topicId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test('when a member scans the current code before the start, then they are on time, once; a bad code, an outsider and another county are refused', async () => {
    const code = await staff().ok('topic.meetingCode', { id: topicId });
    expect(code.text).toBe(`lxq-meeting:${topicId}:${code.code}`);
    expect(code.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await sys.as(WHO.jingyuanStaff).call('topic.meetingCode', { id: topicId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const wrong = code.code === '000000' ? '000001' : '000000';
    expect(await sys.as(openid(A)).call('topic.checkIn', { topicId, code: wrong })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { code: expect.stringContaining('签到码无效') } },
    });
    expect(await sys.as(openid(A)).call('topic.checkIn', { code: 'hello' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const requestId = newRequestId();
    const first = await sys.as(openid(A)).ok('topic.checkIn', { code: code.text }, requestId);
    expect(first).toMatchObject({ topicId, outcome: 'on_time', already: false });
    expect(await sys.as(openid(A)).ok('topic.checkIn', { code: code.text }, requestId)).toEqual(first);
    // Typed: the topic named beside the 6 digits (the h5 page), answered as already signed in.
    expect(await sys.as(openid(A)).ok('topic.checkIn', { topicId, code: code.code })).toMatchObject({
      outcome: 'on_time',
      already: true,
    });
    expect(await sys.as(openid(OUTSIDER)).call('topic.checkIn', { code: code.text })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('不在本次会议的参会名单中') },
    });
    const mine = (await rows(topicId)).find((r: { userId: string }) => r.userId === userId(A));
    expect(mine).toMatchObject({ outcome: 'on_time' });
    const { data: audit } = await db()
      .collection('audit')
      .where({ action: 'topic.checkIn', actor: openid(A) })
      .get();
    expect(audit).toHaveLength(2);
  });

  test('when the meeting has started, then a member signing in is late; when sign-in has closed, the rest are absent and no one can sign in', async () => {
    const started = new Date(Date.now() - 10 * 60_000);
    await db()
      .collection('topics')
      .doc(topicId)
      .update({ data: { 'meeting.at': started } });
    const code = await staff().ok('topic.meetingCode', { id: topicId });
    expect(await sys.as(openid(B)).ok('topic.checkIn', { code: code.text })).toMatchObject({ outcome: 'late' });
    const closed = new Date(Date.now() - 60_000);
    await db()
      .collection('topics')
      .doc(topicId)
      .update({ data: { 'meeting.closesAt': closed } });
    await db()
      .collection('topic_participation')
      .where({ topicId })
      .update({ data: { closesAt: closed } });
    expect(await sys.as(openid(C)).call('topic.checkIn', { code: code.text })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('会议签到已于') },
    });
    const p = await staff().ok('topic.participants', { id: topicId });
    expect(p.meeting).toMatchObject({ closed: true, counts: { onTime: 1, late: 1, absent: 1 } });
    expect(p.people.find((x) => x.userId === userId(C))).toMatchObject({ outcome: 'absent' });
    const mine = await sys.as(openid(C)).ok('topic.mine', {});
    expect(mine.meetings.find((m) => m.topicId === topicId)).toMatchObject({ outcome: 'absent', open: false });
  });
});

describe('议前调研: tasks for named members, closed with a record', () => {
  let topicId = '';

  test('when staff give members a task, then each sees it at home and in the inbox, and a retry stores it once', async () => {
    topicId = await topicAtPlan('背街小巷路灯不亮协商');
    const input = {
      id: topicId,
      memberIds: [userId(A), userId(B)],
      task: '走访西关社区居民，了解停车需求',
      dueOn: '2027-01-15',
    };
    const requestId = newRequestId();
    expect(await staff().ok('topic.assignResearch', input, requestId)).toEqual({ tasks: 2 });
    expect(await staff().ok('topic.assignResearch', input, requestId)).toEqual({ tasks: 2 });
    expect(await rows(topicId)).toHaveLength(2);
    const mine = await sys.as(openid(A)).ok('topic.mine', {});
    expect(mine.tasks.find((t) => t.topicId === topicId)).toMatchObject({
      title: '背街小巷路灯不亮协商',
      task: input.task,
      status: 'open',
    });
    const { data: inbox } = await db()
      .collection('inbox')
      .where({ openid: openid(A), page: '/member/topic/index' })
      .get();
    expect(inbox.length).toBeGreaterThanOrEqual(1);
    expect((await stored(topicId)).records.at(-1).text).toContain('布置议前调研');
  });

  test('when a task is given twice, to a non-member, due before today, at the wrong step, by another county or a member, then it is refused and nothing is written', async () => {
    const before = (await rows(topicId)).length;
    const twice = await staff().call('topic.assignResearch', {
      id: topicId,
      memberIds: [userId(A)],
      task: '走访西关社区居民，了解停车需求',
      dueOn: '2027-01-15',
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'memberIds.0': expect.stringContaining('已给') } },
    });
    const outsider = await staff().call('topic.assignResearch', {
      id: topicId,
      memberIds: ['user-m01'],
      task: '调研任务',
      dueOn: '2027-01-15',
    });
    expect(outsider).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'memberIds.0': '所选委员不存在或不在本议题的单位' } },
    });
    const noDate = await staff().call('topic.assignResearch', {
      id: topicId,
      memberIds: [userId(C)],
      task: '调研任务',
      dueOn: '明天',
    });
    expect(noDate).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { dueOn: expect.any(String) } } });
    const past = await staff().call('topic.assignResearch', {
      id: topicId,
      memberIds: [userId(C)],
      task: '调研任务',
      dueOn: '2020-01-31',
    });
    expect(past).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { dueOn: '截止日期不能早于今天' } } });
    expect(
      await sys
        .as(WHO.jingyuanStaff)
        .call('topic.assignResearch', { id: topicId, memberIds: [userId(C)], task: '调研任务', dueOn: '2027-01-15' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await sys
        .as(openid(A))
        .call('topic.assignResearch', { id: topicId, memberIds: [userId(C)], task: '调研任务', dueOn: '2027-01-15' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await sys.as(WHO.huiningStaff).call('topic.assignResearch', {
        id: 'topic-demo-1',
        memberIds: [userId(C)],
        task: '调研任务',
        dueOn: '2027-01-15',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(await rows(topicId)).toHaveLength(before);
  });

  test('when members close their tasks with notes or a liaison record of theirs, then staff see done and open; others cannot close them', async () => {
    const tasks = await rows(topicId);
    const of = (n: string) => tasks.find((t: { userId: string }) => t.userId === userId(n))._id as string;
    expect(await sys.as(openid(B)).call('topic.closeTask', { id: of(A), note: '走访了 12 户' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await sys.as(openid(A)).call('topic.closeTask', { id: of(A) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { note: '请填写调研情况或选择一条联系记录' } },
    });
    const { data: others } = await db()
      .collection('liaison_records')
      .where({ memberId: userId(C) })
      .limit(1)
      .get();
    if (others[0]) {
      expect(
        await sys.as(openid(A)).call('topic.closeTask', { id: of(A), liaisonRecordId: others[0]._id }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { liaisonRecordId: '只能选择您本人的联系记录' } },
      });
    }
    const requestId = newRequestId();
    const done = await sys
      .as(openid(A))
      .ok('topic.closeTask', { id: of(A), note: '走访了 12 户，多数希望增设停车位' }, requestId);
    expect(done).toMatchObject({ status: 'done' });
    expect(
      await sys.as(openid(A)).ok('topic.closeTask', { id: of(A), note: '走访了 12 户，多数希望增设停车位' }, requestId),
    ).toEqual(done);
    expect(await sys.as(openid(A)).call('topic.closeTask', { id: of(A), note: '再交一次' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    const { data: records } = await db()
      .collection('liaison_records')
      .where({ memberId: userId(B) })
      .limit(1)
      .get();
    if (records[0]) await sys.as(openid(B)).ok('topic.closeTask', { id: of(B), liaisonRecordId: records[0]._id });
    const p = await staff().ok('topic.participants', { id: topicId });
    expect(p.meeting).toBeNull();
    expect(p.tasks.find((t) => t.userId === userId(A))).toMatchObject({
      status: 'done',
      note: '走访了 12 户，多数希望增设停车位',
    });
    expect(p.tasks.find((t) => t.userId === userId(B))).toMatchObject({ status: records[0] ? 'done' : 'open' });
  });

  test('when a task is past its due day, then it is flagged overdue to the member and to staff, and the daily timer reminds its member once a day', async () => {
    const task = '查看背街小巷路灯现状并拍照';
    await staff().ok('topic.assignResearch', { id: topicId, memberIds: [userId(C)], task, dueOn: '2027-01-15' });
    const late = (await rows(topicId)).find((t: { task: string }) => t.task === task);
    // A past due day cannot be given (refused above): the task's day has passed since.
    await db()
      .collection('topic_participation')
      .doc(late._id)
      .update({ data: { dueOn: '2020-01-31' } });
    const fire = async () =>
      (await sys.emulator.fireTimer('topic', 'dailyFollowUp')) as {
        ok: boolean;
        data: { research: { overdue: number; reminded: number } };
      };
    const first = await fire();
    expect(first.ok).toBe(true);
    expect(first.data.research.reminded).toBeGreaterThanOrEqual(1);
    // A second run the same day finds nothing left to tell (each task is marked for the day).
    expect((await fire()).data.research).toEqual({ overdue: 0, reminded: 0 });
    const { data: told } = await db()
      .collection('inbox')
      .where({ openid: openid(C) })
      .limit(100)
      .get();
    const mineTold = told.filter(
      (i: { refId: string; title: string }) => i.refId === late._id && i.title === '议前调研任务已超期',
    );
    expect(mineTold).toHaveLength(1);
    expect(mineTold[0]).toMatchObject({
      page: '/member/topic/index',
      body: expect.stringContaining('2020-01-31 已过'),
    });
    expect((await getDoc(late._id)).remindedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mine = await sys.as(openid(C)).ok('topic.mine', {});
    expect(mine.tasks.find((t) => t._id === late._id)).toMatchObject({ status: 'open', overdue: true });
    const p = await staff().ok('topic.participants', { id: topicId });
    expect(p.tasks.find((t) => t._id === late._id)).toMatchObject({ overdue: true });
    // Done, or not due yet: not flagged, not reminded.
    expect(p.tasks.filter((t) => t._id !== late._id).every((t) => !t.overdue)).toBe(true);
    const { data: others } = await db()
      .collection('inbox')
      .where({ openid: openid(A) })
      .limit(100)
      .get();
    expect(others.some((i: { title: string }) => i.title === '议前调研任务已超期')).toBe(false);
  });

  test('when the member opens their 成绩单, then the meetings attended and the research done are counted', async () => {
    const card = await sys.as(openid(A)).ok('liaison.scorecard', {});
    expect(card.topics.meetings.quarter).toBeGreaterThanOrEqual(1);
    expect(card.topics.research.quarter).toBeGreaterThanOrEqual(1);
    expect(card.topics.meetings.year).toBeGreaterThanOrEqual(card.topics.meetings.quarter);
    const outsider = await sys.as(openid(OUTSIDER)).ok('liaison.scorecard', {});
    expect(outsider.topics).toEqual({ meetings: { quarter: 0, year: 0 }, research: { quarter: 0, year: 0 } });
  });
});

describe('参与人次 on the workbench figures', () => {
  /** The figure computed by hand from the stored rows: per topic of the subtree raised this year, everyone who signed in, closed a task, is responsible or recorded a step, once. */
  async function byHand(unitId: string) {
    const start = new Date(`${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()}-01-01T00:00:00+08:00`);
    const { data: topics } = await db().collection('topics').where({ unitPath: unitId }).limit(1000).get();
    const ours = topics.filter((t: { createdAt: Date }) => new Date(t.createdAt) >= start);
    const { data: parts } = await db()
      .collection('topic_participation')
      .where({ topicId: db().command.in(ours.map((t: { _id: string }) => t._id)) })
      .limit(1000)
      .get();
    let n = 0;
    for (const t of ours) {
      const people = new Set<string>([
        ...t.responsible.map((p: { userId: string }) => p.userId),
        ...t.records.map((r: { by: string }) => r.by),
        ...parts
          .filter((p: { topicId: string; outcome?: string; status?: string }) => p.topicId === t._id)
          .filter(
            (p: { outcome?: string; status?: string }) =>
              ['on_time', 'late'].includes(p.outcome!) || p.status === 'done',
          )
          .map((p: { userId: string }) => p.userId),
      ]);
      n += people.size;
    }
    return { n, parts };
  }

  test('when staff ask for the figures, then 参与人次 counts sign-ins and research done once per person and topic, within their county, and the export says what it counts', async () => {
    const huining = await byHand('u-huining');
    // The sign-ins (A on time, B late) and the task closed above are among the rows counted; C's absence is not.
    expect(
      huining.parts.filter((p: { outcome?: string }) => p.outcome === 'on_time' || p.outcome === 'late'),
    ).not.toHaveLength(0);
    expect(huining.parts.some((p: { status?: string }) => p.status === 'done')).toBe(true);
    const f = await staff().ok('topic.figures', {});
    expect(f.participations).toBe(huining.n);
    const jingyuan = await sys.as(WHO.jingyuanStaff).ok('topic.figures', {});
    expect(jingyuan.participations).toBe((await byHand('u-jingyuan')).n);
    const city = await sys.as(WHO.cityStaff).ok('topic.figures', {});
    expect(city.participations).toBeGreaterThanOrEqual(f.participations + jingyuan.participations);
    expect((await staff().ok('topic.figures', { from: '2020-01-01', to: '2020-12-31' })).participations).toBe(0);
    const file = await staff().ok('topic.export', {});
    const sheets = readWorkbook(new Uint8Array(await (await fetch(file.url)).arrayBuffer()));
    expect(sheets['统计']).toContainEqual([`参与人次（${TOPIC_PARTICIPATION_RULE}）`, f.participations]);
  });
});
