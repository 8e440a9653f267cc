/** The fault scenarios of duty, liaison, notices and stations (the rest of the first domains). */
import { WHO } from '../system';
import { arrangeShift, chinaDate } from '../shifts';
import { HUISHI, memberLike, stationLike, unitLike } from './fixtures';
import { scenario, sys } from './harness';

const MEMBER = WHO.member;

export const DUTY_LIAISON_NOTICES_STATIONS = [
  scenario({ name: 'liaison.log', arrange: async () => ({ openid: MEMBER, input: liaisonRecord() }) }),
  scenario({
    name: 'liaison.log',
    arrange: async () => ({ openid: MEMBER, input: { ...liaisonRecord(), concerns: [raised] } }),
  }),
  scenario({
    name: 'duty.signIn',
    arrange: async (c) => ({ openid: await shiftNow(c, false), input: { shiftId: `fault-${c}`, location: HUISHI } }),
  }),
  scenario({
    name: 'duty.recordReception',
    arrange: async (c) => ({
      openid: await shiftNow(c, true),
      input: { shiftId: `fault-${c}`, people: 1, topic: '反映村道问题', consent: true, concern: raised },
    }),
  }),
  scenario({
    name: 'duty.signOut',
    arrange: async (c) => ({ openid: await shiftNow(c, true), input: { shiftId: `fault-${c}`, location: HUISHI } }),
  }),
  scenario({
    name: 'liaison.saveContact',
    arrange: async (c) => ({ openid: await newMember(c), input: { name: '王秀兰', phone: '13809430003' } }),
  }),
  scenario({
    name: 'liaison.savePairing',
    arrange: async (c) => ({
      openid: await newMember(c),
      input: { name: '李家', kind: 'family', since: '2026-01-01' },
    }),
  }),
  scenario({
    name: 'liaison.saveBase',
    arrange: async (c) => ({ openid: await newMember(c), input: { name: '西关社区', kind: '社区' } }),
  }),
  scenario({
    name: 'duty.requestLeave',
    arrange: async (c) => ({
      openid: await shiftLater(c),
      input: { shiftId: `fault-${c}`, kind: 'leave', reason: '外出参加培训' },
    }),
  }),
  scenario({
    name: 'notice.send',
    arrange: async (c) => ({
      // Its own sender per run: sends are limited per staff member, and a repeat is refused.
      openid: (await memberLike('user-staff-huining', c)).openid,
      input: {
        title: '关于召开委员工作站例会的通知',
        body: '请于本周五下午到会师镇委员工作站参加例会。',
        targets: { userIds: ['user-m31', 'user-m32'] },
      },
    }),
  }),
  scenario({
    name: 'duty.cancelShift',
    arrange: async (c) => ({
      openid: WHO.huiningStaff,
      input: { shiftId: (await shiftOf(c, tomorrow())).shiftId, reason: '工作站临时停电' },
    }),
  }),
  scenario({
    name: 'duty.updateShift',
    arrange: async (c) => {
      const { shiftId, memberId } = await shiftOf(c, tomorrow());
      return {
        openid: WHO.huiningStaff,
        input: { shiftId, startTime: '09:00', endTime: '10:00', memberIds: [memberId] },
      };
    },
  }),
  scenario({
    name: 'duty.createShift',
    arrange: async (c) => {
      const { station, memberId } = await stationWithMember(c);
      const date = chinaDate(tomorrow());
      return {
        openid: WHO.huiningStaff,
        input: { workstationId: station, date, startTime: '09:00', endTime: '10:00', memberIds: [memberId] },
      };
    },
  }),
  scenario({
    name: 'duty.answerSwap',
    arrange: async (c) => {
      const { shiftId } = await shiftOf(c, tomorrow());
      const partner = await memberLike('user-m32', `${c}_p`);
      const swap = await sys
        .as(c)
        .ok('duty.requestLeave', { shiftId, kind: 'swap', partnerId: partner.userId, reason: '外出参加培训' });
      return { openid: partner.openid, input: { id: swap._id, accept: true } };
    },
  }),
  scenario({
    name: 'liaison.removeContact',
    arrange: async (c) => {
      await newMember(c);
      const { id } = await sys.as(c).ok('liaison.saveContact', { name: '王秀兰', phone: '13809430003' });
      return { openid: c, input: { id } };
    },
  }),
  scenario({
    name: 'liaison.removePairing',
    arrange: async (c) => {
      await newMember(c);
      const { id } = await sys.as(c).ok('liaison.savePairing', { name: '李家', kind: 'family', since: '2026-01-01' });
      return { openid: c, input: { id } };
    },
  }),
  scenario({
    name: 'liaison.saveQuota',
    arrange: async (c) => ({
      openid: (await unitLike(c)).openid,
      input: { activitiesPerQuarter: 1, personTimesPerYear: 50 },
    }),
  }),
  scenario({
    name: 'liaison.gridAdd',
    arrange: async (c) => {
      const leader = await memberLike('user-m31', c);
      const member = await memberLike('user-m32', `${c}_a`);
      return {
        openid: WHO.huiningStaff,
        input: { kind: 'sector', groupId: 'sec-huining-0', leaderId: leader.userId, memberIds: [member.userId] },
      };
    },
  }),
  scenario({
    name: 'liaison.gridRemove',
    arrange: async (c) => {
      const { id, members } = await gridOf(c);
      return { openid: WHO.huiningStaff, input: { id, memberId: members[0] } };
    },
  }),
  scenario({
    name: 'liaison.remind',
    arrange: async (c) => {
      await gridOf(c);
      return { openid: c, input: { memberIds: [] } };
    },
  }),
  scenario({
    name: 'notice.cancel',
    arrange: async (c) => {
      const sender = await staff(c);
      const { _id } = await sys.as(sender).ok('notice.send', { ...notice, sendAt: tomorrow().toISOString() });
      return { openid: sender, input: { id: _id } };
    },
  }),
  scenario({
    name: 'notice.remind',
    arrange: async (c) => {
      const sender = await staff(c);
      const { _id } = await sys.as(sender).ok('notice.send', notice);
      await sys.emulator.functionsSettled();
      // Sent a day ago, as far as reminding goes.
      await sys.db
        .collection('notices')
        .doc(_id)
        .update({ data: { remindAfter: new Date(Date.now() - 60_000) } });
      return { openid: sender, input: { id: _id } };
    },
  }),
  scenario({
    name: 'notice.reply',
    arrange: async (c) => {
      const { userId } = await memberLike('user-m31', c);
      const sender = await staff(`${c}_s`);
      const at = new Date(Date.now() + 3 * DAY);
      const { _id } = await sys.as(sender).ok('notice.send', {
        ...notice,
        targets: { userIds: [userId] },
        meeting: { at: at.toISOString(), place: '会宁县政协三楼会议室', replyBy: tomorrow().toISOString() },
      });
      await sys.emulator.functionsSettled();
      return { openid: c, input: { id: _id, attending: true } };
    },
  }),
  scenario({
    name: 'org.createWorkstation',
    arrange: async (c) => ({ openid: WHO.huiningStaff, input: { unitId: 'u-huining', ...stationFields(c) } }),
  }),
  scenario({
    name: 'duty.decideLeave',
    arrange: async (c) => {
      const { shiftId } = await shiftOf(c, tomorrow());
      const { _id } = await sys.as(c).ok('duty.requestLeave', { shiftId, kind: 'leave', reason: '外出参加培训' });
      return { openid: WHO.huiningStaff, input: { id: _id, approve: true } };
    },
  }),
  // A swap changes the roster by another path (the shift's members replaced, guarded by updatedAt).
  scenario({
    name: 'duty.decideLeave',
    arrange: async (c) => {
      const { shiftId } = await shiftOf(c, tomorrow());
      const partner = await memberLike('user-m32', `${c}_p`);
      const { _id } = await sys
        .as(c)
        .ok('duty.requestLeave', { shiftId, kind: 'swap', partnerId: partner.userId, reason: '外出参加培训' });
      // Accepted by the partner, as duty.answerSwap leaves it (written here: one call fewer per run).
      await sys.db
        .collection('leaves')
        .doc(_id)
        .update({ data: { status: 'pending' } });
      return { openid: WHO.huiningStaff, input: { id: _id, approve: true, note: '同意' } };
    },
  }),
  scenario({
    name: 'org.updateWorkstation',
    arrange: async (c) => ({
      openid: WHO.huiningStaff,
      input: { workstationId: await stationLike(c), ...stationFields(c) },
    }),
  }),
  scenario({
    name: 'duty.planRotation',
    arrange: async (c) => {
      const { station, memberId } = await stationWithMember(c);
      const rotation = (weekday: number) => ({
        workstationId: station,
        from: ROTATION_FROM,
        to: '2027-03-14',
        slots: [{ weekday, startTime: '09:00', endTime: '11:00', memberIds: [memberId] }],
      });
      // The calendar is kept in the instance's memory, so only an instance's first call reads it: a
      // call refused just after reading it (a Sunday slot on a Monday) makes the counted call warm,
      // as its retries are, and its Nth round trip the same trip in every run.
      await sys.as(WHO.huiningStaff).call('duty.planRotation', { ...rotation(7), to: ROTATION_FROM });
      return { openid: WHO.huiningStaff, input: rotation(3) };
    },
  }),
  scenario({
    name: 'org.saveCalendarYear',
    arrange: async () => {
      // One document per year, copied into every bucket: each run enters the same year afresh.
      await sys.db.collection('calendar_years').doc(String(FAR_YEAR)).remove();
      await sys.db
        .collection('concern_counters')
        .where({ unitPath: 'u-gansu' })
        .update({ data: { [`calendar.${FAR_YEAR}`]: sys.db.command.remove() } });
      farHolidays ??= sys
        .as(WHO.admin)
        .ok('org.calendar', { year: FAR_YEAR })
        .then((y) => y.detail.holidays);
      return { openid: WHO.admin, input: { year: FAR_YEAR, holidays: await farHolidays, workdays: [] } };
    },
  }),
];

const DAY = 24 * 3_600_000;
/** A Monday: the first day of every run's rotation (each at a station of its own). */
const ROTATION_FROM = '2027-03-01';
/** The year every run of org.saveCalendarYear enters (the last the form accepts: no other test uses it). */
const FAR_YEAR = 2100;
let farHolidays: Promise<{ date: string; name: string }[]> | null = null;
/** 10:00 tomorrow in China: every run's shift at the same hour, so the messages naming it are alike. */
const tomorrow = () => new Date(`${chinaDate(new Date(Date.now() + DAY))}T02:00:00Z`);

/** A new member of 会宁 (liaison edits need their own profile per run). */
const newMember = async (openid: string) => (await memberLike('user-m31', openid)).openid;
/** A new staff member of 会宁 (sends are limited per person, and a repeat is refused). */
const staff = async (openid: string) => (await memberLike('user-staff-huining', openid)).openid;

const raised = {
  category: '民生',
  title: '村道坑洼需要修补',
  text: '村里通往镇上的道路坑洼很多，雨天积水严重。',
} as const;
const liaisonRecord = () =>
  ({
    date: chinaDate(new Date()),
    time: '00:00',
    channel: 'face',
    place: '会师镇西关社区',
    personTimes: 12,
    summary: '走访社区了解老年人助餐需求',
  }) as const;

const huishi = {
  id: 'ws-huishi',
  name: '会师镇委员工作站',
  unitId: 'u-huining',
  unitPath: ['u-gansu', 'u-baiyin', 'u-huining'],
  location: HUISHI,
};

/** A shift at 会师镇 running now with `citizen` as its one member (signed in when asked). */
async function shiftNow(citizen: string, signedIn: boolean) {
  const now = Date.now();
  await arrangeShift(
    sys,
    huishi,
    { id: `fault-${citizen}`, start: new Date(now - 10 * 60_000), end: new Date(now + 2 * 3_600_000) },
    [{ userId: `user-${citizen}`, openid: citizen }],
  );
  if (signedIn) await sys.as(citizen).ok('duty.signIn', { shiftId: `fault-${citizen}`, location: HUISHI });
  return citizen;
}

/** A shift at 会师镇 tomorrow with `citizen` as its one member. */
async function shiftLater(citizen: string) {
  const start = tomorrow();
  await arrangeShift(sys, huishi, { id: `fault-${citizen}`, start, end: new Date(start.getTime() + 2 * 3_600_000) }, [
    { userId: `user-${citizen}`, openid: citizen },
  ]);
  return citizen;
}

/** A station of its own for the run, and a member of 会宁 (openid `c`) who serves there. */
async function stationWithMember(c: string) {
  const station = await stationLike(c);
  const { userId } = await memberLike('user-m31', c, { workstationIds: [station] });
  return { station, memberId: userId };
}

/** A shift at `start` at the run's own station, with the run's member on it. */
async function shiftOf(c: string, start: Date) {
  const { station, memberId } = await stationWithMember(c);
  const shiftId = `fault-${c}`;
  await arrangeShift(
    sys,
    { ...huishi, id: station },
    { id: shiftId, start, end: new Date(start.getTime() + 2 * 3_600_000) },
    [{ userId: memberId, openid: c, name: '故障委员' }],
  );
  return { shiftId, memberId };
}

/** A liaison group of 会宁 led by the run's member (openid `c`), with two new members behind on their quota. */
async function gridOf(c: string) {
  const leader = await memberLike('user-m31', c);
  const members = [(await memberLike('user-m32', `${c}_a`)).userId, (await memberLike('user-m33', `${c}_b`)).userId];
  await sys.as(WHO.huiningStaff).ok('liaison.gridAdd', {
    kind: 'sector',
    groupId: 'sec-huining-0',
    leaderId: leader.userId,
    memberIds: members,
  });
  return { id: `grid-sec-huining-0-${leader.userId}`, members };
}

const notice = {
  title: '关于召开委员工作站例会的通知',
  body: '请于本周五下午到会师镇委员工作站参加例会。',
  targets: { userIds: ['user-m31', 'user-m32'] },
};

const stationFields = (c: string) => ({
  name: `${c}委员工作站`,
  kind: 'station' as const,
  address: '会宁县会师镇会师南路 1 号',
  location: { lat: 35.69, lng: 105.05 },
  openingHours: '周一至周五 9:00-17:00',
  headName: '王主任',
});
