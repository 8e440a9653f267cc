import { strFromU8, unzipSync } from 'fflate';
import { inChina } from '../../cloudfunctions/shared/time';
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

async function all<T>(collection: string, where: object): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await sys.db.collection(collection).where(where).skip(skip).limit(1000).get();
    out.push(...(data as T[]));
    if (data.length < 1000) return out;
  }
}

const year = inChina(new Date()).year();
const inYear = (d: Date | string | null | undefined) => !!d && inChina(d).year() === year;

describe('the 履职档案', () => {
  test('when a member downloads their year, then the Word document and its figures are what their records say', async () => {
    const res = await sys.as(WHO.member).ok('liaison.dossier', {});
    const records = (
      await all<{ date: Date; personTimes: number }>('liaison_records', { memberId: 'user-m02' })
    ).filter((r) => inYear(r.date));
    const shifts = (
      await all<{ _id: string; start: Date; status: string; members: { userId: string; outcome: string }[] }>(
        'shifts',
        { memberIds: 'user-m02' },
      )
    ).filter((s) => s.status === 'scheduled' && inYear(s.start));
    const outcome = (s: (typeof shifts)[number]) => s.members.find((m) => m.userId === 'user-m02')!.outcome;
    const receptions = (
      await all<{ shiftId: string; memberId: string; people: number }>('receptions', {
        shiftId: sys.db.command.in(shifts.map((s) => s._id)),
      })
    ).filter((r) => r.memberId === 'user-m02');
    const answered = (await all<{ firstRepliedAt?: Date | null }>('concerns', { assigneeOpenid: WHO.member })).filter(
      (c) => inYear(c.firstRepliedAt),
    );

    expect(res.year).toBe(year);
    expect(res.figures).toMatchObject({
      activities: records.length,
      personTimes: records.reduce((n, r) => n + r.personTimes, 0),
      shifts: shifts.length,
      attended: shifts.filter((s) => ['on_time', 'late'].includes(outcome(s))).length,
      absent: shifts.filter((s) => outcome(s) === 'absent').length,
      receptions: receptions.length,
      receptionPeople: receptions.reduce((n, r) => n + r.people, 0),
      answered: answered.length,
    });
    expect(records.length + shifts.length).toBeGreaterThan(0);
    expect(res.fileName).toBe(`${year}年度履职档案-${(await sys.as(WHO.member).ok('account.me', {})).name}.docx`);

    const doc = strFromU8(unzipSync(new Uint8Array(await (await fetch(res.url)).arrayBuffer()))['word/document.xml']);
    const text = doc.replace(/<[^>]+>/g, '');
    expect(text).toContain(`${year}年度委员履职档案`);
    expect(text).toContain(`开展联系界别群众活动${records.length}次`);
    expect(text).toContain('一、履职概况');
    expect(text).toContain('四、办理群众诉求');
  });

  test('when the year has not begun, or a staff member asks, then a Chinese refusal', async () => {
    const future = await sys.as(WHO.member).call('liaison.dossier', { year: year + 1 });
    expect(future.ok ? null : future.error.message).toBe('该年度尚未开始');
    const bad = await sys.as(WHO.member).call('liaison.dossier', { year: 1800 });
    expect(bad.ok ? null : bad.error.message).toBe('年份无效');
    const staff = await sys.as(WHO.cityStaff).call('liaison.dossier', {});
    expect(staff.ok ? null : staff.error.code).toBe('FORBIDDEN');
  });

  test('when a member of 会宁 asks for a term, then the document covers its years, year by year, as the records say', async () => {
    const { data: sessions } = await sys.db.collection('proposal_sessions').where({ unitId: 'u-huining' }).get();
    const opens = (name: string) =>
      Number((sessions as { name: string; opensOn: string }[]).find((x) => x.name === name)!.opensOn.slice(0, 4));
    const yearly = await sys.as('o_member_31').ok('liaison.dossier', {});
    const thirteenth = opens('十三届一次会议');
    expect(yearly.terms).toEqual([
      {
        name: '十二届',
        fromYear: opens('十二届五次会议') - 4,
        toYear: thirteenth - 1,
        current: false,
        label: `十二届（${opens('十二届五次会议') - 4}—${thirteenth - 1}年）`,
      },
      { name: '十三届', fromYear: thirteenth, toYear: year, current: true, label: `十三届（${thirteenth}年至今）` },
    ]);

    const t = yearly.terms[0];
    // A 会宁 member with records in the term before (the demo's records reach back a year).
    const { data: early } = await sys.db
      .collection('liaison_records')
      .where({ unitPath: 'u-huining', date: sys.db.command.lt(new Date(Date.UTC(t.toYear + 1, 0, 1) - 8 * 3_600_000)) })
      .limit(1)
      .get();
    const memberId = early[0].memberId as string;
    const { data: users } = await sys.db.collection('users').where({ _id: memberId }).get();
    const who = users[0].openid as string;
    const res = await sys
      .as(who)
      .ok('liaison.dossier', { term: { name: t.name, fromYear: t.fromYear, toYear: t.toYear } });
    const records = (await all<{ date: Date; personTimes: number }>('liaison_records', { memberId })).filter(
      (r) => inChina(r.date).year() >= t.fromYear && inChina(r.date).year() <= t.toYear,
    );
    expect(records.length).toBeGreaterThan(0);
    expect(res).toMatchObject({
      year: null,
      term: t,
      label: t.label,
      fileName: expect.stringMatching(/^十二届（.+）履职档案-/),
    });
    expect(res.figures.activities).toBe(records.length);
    expect(res.figures.personTimes).toBe(records.reduce((n, r) => n + r.personTimes, 0));
    expect(res.byYear.map((y) => y.year)).toEqual([0, 1, 2, 3, 4].map((k) => t.fromYear + k));
    expect(res.byYear.reduce((n, y) => n + y.figures.activities, 0)).toBe(records.length);
    const doc = strFromU8(unzipSync(new Uint8Array(await (await fetch(res.url)).arrayBuffer()))['word/document.xml']);
    const text = doc.replace(/<[^>]+>/g, '');
    expect(text).toContain(`${t.label}委员履职档案`);
    expect(text).toContain(`${t.label}期间，本人`);
    expect(text).toContain(`${t.toYear}年：参加委员工作站值班`);

    // Years the sessions do not confirm, a term never named, a term of six years: refused.
    const moved = await sys.as(who).call('liaison.dossier', { term: { ...t, name: t.name, fromYear: t.fromYear + 1 } });
    expect(moved).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '届次的年份已有变化，请刷新后重试' },
    });
    const unknown = await sys
      .as(who)
      .call('liaison.dossier', { term: { name: '九届', fromYear: t.fromYear, toYear: t.toYear } });
    expect(unknown.ok ? null : unknown.error.message).toBe('没有这个届次');
    const long = await sys.as(who).call('liaison.dossier', { term: { name: t.name, fromYear: 2001, toYear: 2006 } });
    expect(long.ok ? null : long.error.message).toBe('届次的年份无效');
  });

  test("when staff make a member's 履职档案, then their own subtree's members only, by year or by term", async () => {
    const county = await sys.as(WHO.huiningStaff).ok('liaison.memberDossier', { memberId: 'user-m31', term: '十三届' });
    const own = await sys.as('o_member_31').ok('liaison.dossier', {
      term: { name: '十三届', fromYear: county.term!.fromYear, toYear: county.term!.toYear },
    });
    expect(county.figures).toEqual(own.figures);
    expect(county.terms.map((x) => x.name)).toEqual(['十二届', '十三届']);
    const city = await sys.as(WHO.cityStaff).ok('liaison.memberDossier', { memberId: 'user-m31' });
    expect(city).toMatchObject({ year, term: null, label: `${year}年度` });
    const other = await sys.as(WHO.jingyuanStaff).call('liaison.memberDossier', { memberId: 'user-m31' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const notMember = await sys.as(WHO.huiningStaff).call('liaison.memberDossier', { memberId: 'user-staff-huining' });
    expect(notMember).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '该委员不存在' } });
    const noTerm = await sys.as(WHO.huiningStaff).call('liaison.memberDossier', { memberId: 'user-m31', term: '九届' });
    expect(noTerm.ok ? null : noTerm.error.message).toBe('没有这个届次');
  });
});
