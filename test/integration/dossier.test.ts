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
});
