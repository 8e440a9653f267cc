/**
 * Demo liaison data (issue 6): for every seeded member a base unit, about ten sector contacts, a
 * pairing or two, and records over the last year; some members fall behind the quotas so the
 * directors' lists have someone to remind. 网格化联系 (seed 000): each special committee of the city
 * has two directors, each liaising with 4–6 members; each county sector with members has a convener.
 * Deterministic: a fixed random seed, dates relative to `now`.
 */
import {
  LIAISON_CHANNELS,
  LIAISON_OCCASIONS,
  type LiaisonContact,
  type LiaisonGridEntry,
  type LiaisonProfile,
  type LiaisonRecord,
  type Sector,
  type User,
} from '@lxq/types';
import { rng } from './people';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no useful types */
type Put = (collection: string, docs: any[]) => Promise<void>;

const PLACES = [
  '白银有色集团西北铅锌冶炼厂',
  '银光化学材料厂',
  '白银区四龙路社区',
  '会宁县会师镇东关村',
  '靖远县乌兰镇新建社区',
  '白银市第一人民医院',
  '白银市实验中学',
  '平川区兴平路街道',
  '会宁县枸杞种植合作社',
  '靖远县北湾镇枸杞产业园',
  '白银高新区企业服务中心',
  '市民营企业家协会',
];
const BASES = [
  ['白银区四龙路社区', '社区'],
  ['人民路商务楼宇', '楼宇'],
  ['银光工业园', '企业'],
  ['会师镇东关村', '村'],
  ['乌兰镇新建社区', '社区'],
];
const GROUPS = ['企业职工', '个体工商户', '教师', '医务人员', '农民', '社区居民', '青年学生', '老年人'];
const SERVICES = ['政策宣讲', '法律咨询', '义诊', '慰问帮扶', '就业指导', '收集意见'];
const SUMMARIES = [
  '走访了解企业用工和融资情况，宣讲减税降费政策，收集到意见建议 3 条。',
  '与社区居民座谈老旧小区改造进展，记录居民关心的加装电梯、停车问题。',
  '在委员工作站接待界别群众，解答社保和医保政策疑问。',
  '通过界别微信群征集对市政协全会的建议，整理后形成社情民意信息。',
  '慰问结对困难家庭，送去米面油，了解孩子上学情况。',
  '组织委员沙龙，围绕乡村振兴与种植户交流枸杞产业发展。',
];
const CONTACT_NAMES = '李秀兰 王建军 张丽华 刘志刚 陈桂英 杨晓东 赵玉梅 黄文斌 周海燕 吴永强 徐春花 孙德明';
const OCCUPATIONS = ['教师', '医生', '企业职工', '个体经营者', '农民', '社区工作者', '工程师', '退休职工'];

/** The member whose record the e2e journey logs (o_member_02): no activity yet this quarter. */
export const BEHIND_DEMO_MEMBER = 'user-m02';
/** A director who liaises with them (o_member_03). */
export const DEMO_DIRECTOR = 'user-m03';

export async function seedLiaison(put: Put, db: any, now: Date, users: User[], sectors: Sector[]) {
  const members = users.filter((u) => u.roles.includes('member'));
  const sectorName = (id?: string | null) => sectors.find((s) => s._id === id)?.name ?? '';
  const r = rng(20260606);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

  const profiles: LiaisonProfile[] = members.map((m, i) => {
    const names = CONTACT_NAMES.split(' ');
    const contacts: LiaisonContact[] = names.slice(0, 8 + (i % 4)).map((name, k) => ({
      id: `c-${m._id.slice(5)}-${k + 1}`,
      name,
      unit: pick(PLACES),
      occupation: pick(OCCUPATIONS),
      phone: `139${String(10000000 + Math.floor(r() * 89999999))}`,
      tags: k < 2 ? ['重点联系'] : [],
    }));
    const [baseName, kind] = BASES[i % BASES.length];
    return {
      _id: m._id,
      unitPath: m.unitPath,
      base: { name: baseName, kind, address: '' },
      contacts,
      pairings:
        i % 3 === 0
          ? [
              {
                id: `p-${m._id.slice(5)}-1`,
                name: `${pick(['马', '何', '罗'])}家（困难家庭）`,
                kind: 'family',
                note: '每季度走访慰问',
                since: '2025-09-01',
              },
            ]
          : [],
      version: 1,
      updatedAt: now,
    };
  });

  const day = 86_400_000;
  const records: LiaisonRecord[] = [];
  members.forEach((m, i) => {
    const profile = profiles[i];
    // Every fifth member has let it slide this quarter; every seventh reaches few people.
    const quietNow = i % 5 === 1 || m._id === BEHIND_DEMO_MEMBER;
    const few = i % 7 === 3;
    const count = 6 + Math.floor(r() * 8);
    for (let k = 0; k < count; k++) {
      const ageDays = 3 + Math.floor(r() * 360);
      const date = new Date(now.getTime() - ageDays * day - Math.floor(r() * 10) * 3_600_000);
      if (quietNow && ageDays < daysIntoQuarter(now) + 1) continue;
      const contact = pick(profile.contacts);
      const pairing = profile.pairings[0] && r() < 0.3 ? profile.pairings[0] : null;
      records.push({
        _id: `lr-${m._id.slice(5)}-${String(k + 1).padStart(2, '0')}`,
        memberId: m._id,
        memberName: m.name,
        unitId: m.unitId,
        unitPath: m.unitPath,
        sectorId: m.sectorId ?? null,
        date,
        channel: pick(LIAISON_CHANNELS),
        occasion: r() < 0.4 ? pick(LIAISON_OCCASIONS) : null,
        place: pairing ? pairing.name : pick(PLACES),
        groups: [pick(GROUPS)],
        personTimes: few ? 1 + Math.floor(r() * 2) : 3 + Math.floor(r() * 12),
        services: [pick(SERVICES)],
        summary: pick(SUMMARIES),
        photos: [],
        contactIds: [contact.id],
        contactNames: [contact.name],
        pairingId: pairing?.id ?? null,
        pairingName: pairing?.name ?? '',
        concernIds: [],
        createdAt: date,
      });
    }
  });
  topUpDemoMember(records, now);
  await put('liaison_profiles', profiles);
  await put('liaison_records', records);

  // 网格化联系: two directors per city committee, each with 4–6 city members (the demo pair first).
  const city = members.filter((m) => m.unitId === 'u-baiyin');
  const { data: committees } = await db.collection('committees').where({ unitId: 'u-baiyin' }).limit(20).get();
  const grid: LiaisonGridEntry[] = [];
  const entry = (
    kind: LiaisonGridEntry['kind'],
    group: { _id: string; name: string; unitId: string },
    leader: User,
    liaised: User[],
  ): LiaisonGridEntry => ({
    _id: `grid-${group._id}-${leader._id}`,
    unitId: group.unitId,
    unitPath: leader.unitPath,
    kind,
    groupId: group._id,
    groupName: group.name,
    leaderId: leader._id,
    leaderName: leader.name,
    memberIds: liaised.map((m) => m._id),
    members: liaised.map((m) => ({
      userId: m._id,
      name: m.name,
      sectorName: sectorName(m.sectorId),
      openid: m.openid,
    })),
  });
  let next = 0;
  const take = (n: number, not: string) => {
    const out: User[] = [];
    while (out.length < n) {
      const m = city[next++ % city.length];
      if (m._id !== not && !out.includes(m)) out.push(m);
    }
    return out;
  };
  for (const [ci, c] of (committees as { _id: string; name: string; unitId: string }[]).entries()) {
    const directors = [city[(ci * 2 + 2) % city.length], city[(ci * 2 + 3) % city.length]];
    for (const d of directors) {
      const liaised =
        d._id === DEMO_DIRECTOR
          ? [
              members.find((m) => m._id === BEHIND_DEMO_MEMBER)!,
              ...take(4, d._id).filter((m) => m._id !== BEHIND_DEMO_MEMBER),
            ]
          : take(4 + (next % 3), d._id);
      grid.push(entry('committee', { ...c, unitId: 'u-baiyin' }, d, liaised));
    }
    await db
      .collection('committees')
      .doc(c._id)
      .update({ data: { directorIds: directors.map((d) => d._id) } });
  }
  // Conveners: the first member of each county sector that has at least two members convenes it.
  for (const s of sectors.filter((x) => x.unitId !== 'u-baiyin')) {
    const inSector = members.filter((m) => m.sectorId === s._id);
    if (inSector.length < 2) continue;
    const [convener, ...rest] = inSector;
    grid.push(entry('sector', { _id: s._id, name: s.name, unitId: s.unitId }, convener, rest));
    await db
      .collection('sectors')
      .doc(s._id)
      .update({ data: { convenerId: convener._id } });
  }
  await put('liaison_grid', grid);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * The demo member is behind only on this quarter's activity: earlier this year they reached 45
 * person-times, so one record of 5 or more puts them back on track (the e2e journey relies on it).
 */
function topUpDemoMember(records: LiaisonRecord[], now: Date) {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const yearStart = new Date(Date.UTC(china.getUTCFullYear(), 0, 1) - 8 * 3_600_000);
  const mine = records.filter((x) => x.memberId === BEHIND_DEMO_MEMBER && x.date >= yearStart);
  const sum = mine.reduce((n, x) => n + x.personTimes, 0);
  const first = records.find((x) => x.memberId === BEHIND_DEMO_MEMBER)!;
  const date = new Date(now.getTime() - (daysIntoQuarter(now) + 20) * 86_400_000);
  if (sum > 45) {
    // Trim the surplus so the journey's one record is what makes the difference.
    let surplus = sum - 45;
    for (const x of mine) {
      const cut = Math.min(surplus, x.personTimes - 1);
      x.personTimes -= cut;
      surplus -= cut;
    }
  } else if (sum < 45) {
    records.push({ ...first, _id: 'lr-m02-topup', date, createdAt: date, personTimes: 45 - sum });
  }
}

/** Whole days since the current China quarter began. */
function daysIntoQuarter(now: Date): number {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const start = Date.UTC(china.getUTCFullYear(), Math.floor(china.getUTCMonth() / 3) * 3, 1);
  return Math.floor((china.getTime() - start) / 86_400_000);
}
