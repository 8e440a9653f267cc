/**
 * Loads the demo into an empty database through the real wx-server-sdk (so seeding exercises the
 * same path as the functions), and writes <DATA_DIR>/accounts.json for the emulator's "切换身份"
 * picker. Run by scripts/start.ts on an empty data directory; `npm run seed` re-runs it against a
 * running emulator.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLE_LABELS, type Sector, type Workstation } from '@lxq/types';
import { CITY_SECTORS, COMMITTEES, COUNTY_SECTORS, STATIONS, UNITS } from './seed/places';
import { makeConcerns, makeInvitations, makeUsers, sectorId, unitPath } from './seed/people';
import { makeLeaves, makeReceptions, makeShifts } from './seed/duty';
import { seedLiaison } from './seed/liaison';
import { makeNotices } from './seed/notices';
import { makeTopics } from './seed/topics';
import { seedTopicMeeting } from './seed/topicMeeting';
import { seedReports } from './seed/reports';
import { makeHandlers, seedProposals } from './seed/proposals';
import { seedAssessment } from './seed/assessment';
import { bucketsFor } from '../cloudfunctions/shared/concerns/counters';
import { libraryYearDocs } from '../cloudfunctions/shared/calendar';

export interface Account {
  openid: string;
  name: string;
  roles: string[];
  label: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no useful types */
/**
 * `shiftRunningNow`: today's first shift at the stations on duty runs now, whatever the hour
 * (tests of signing in need one); the demo keeps every shift inside opening hours.
 */
export async function seed(
  dataDir: string,
  { now = new Date(), shiftRunningNow = false }: { now?: Date; shiftRunningNow?: boolean } = {},
): Promise<{ documents: number }> {
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const db = cloud.database();
  let documents = 0;
  const put = async (collection: string, docs: any[]) => {
    for (let i = 0; i < docs.length; i += 100) {
      await db.collection(collection).add({ data: docs.slice(i, i + 100) });
    }
    documents += docs.length;
  };

  await put(
    'org_units',
    UNITS.map((u) => ({ ...u, path: unitPath(u._id) })),
  );
  const sectors: Sector[] = UNITS.filter((u) => u.level !== 'province').flatMap((u) =>
    (u._id === 'u-baiyin' ? CITY_SECTORS : COUNTY_SECTORS).map((name, order) => ({
      _id: sectorId(u._id, name),
      unitId: u._id,
      name,
      order,
      convenerId: null,
    })),
  );
  await put('sectors', sectors);
  // Handling units' people (提案承办单位) are users too: the 切换身份 list shows them.
  const users = [...makeUsers(), ...makeHandlers(now)];
  const members = users.filter((u) => u.roles.includes('member'));
  const stations: Workstation[] = STATIONS.map((s, i) => ({
    ...s,
    unitPath: unitPath(s.unitId),
    radius: 200,
    memberIds: members.filter((m) => m.workstationIds?.includes(s._id)).map((m) => m._id),
    sectorIds: [],
    scene: `ws=${s._id.slice(3)}`.slice(0, 32) || `ws=${i}`,
  }));
  await put('workstations', stations);
  await put(
    'committees',
    COMMITTEES.map((name, i) => ({
      _id: `com-${i + 1}`,
      unitId: 'u-baiyin',
      name,
      sectorIds: sectors.filter((s) => s.unitId === 'u-baiyin' && s.order % COMMITTEES.length === i).map((s) => s._id),
      workstationIds: stations
        .filter((s, k) => s.unitId === 'u-baiyin' && k % COMMITTEES.length === i)
        .map((s) => s._id),
    })),
  );
  await put('users', users);
  const concerns = makeConcerns(now);
  await put('concerns', concerns);
  // The staff queue reads counts from these buckets; concerns stored directly need them made here.
  await put('concern_counters', bucketsFor(concerns, stations));
  // The working-day calendar: every year chinese-days knows (later ones are entered by an admin).
  await put('calendar_years', libraryYearDocs(now.getFullYear() + 1, now));
  await put('invitations', makeInvitations(now));
  const notices = makeNotices(users, sectors, now);
  await put('notices', notices.notices);
  await put('notice_recipients', notices.recipients);
  await put('inbox', notices.inbox);
  const shifts = makeShifts(now, stations, users, sectors, shiftRunningNow);
  await put('shifts', shifts);
  await put('leaves', makeLeaves(now, shifts));
  await put('receptions', makeReceptions(now, shifts));
  await seedLiaison(put, db, now, users, sectors);
  const topics = makeTopics(users, now);
  await put('topics', topics.topics);
  await put('topic_settings', topics.settings);
  await seedTopicMeeting(put, now, users, sectors);
  await seedReports(put, db, now, users);
  await seedProposals(put, db, now, users, sectors);
  await put('topic_calls', topics.calls);
  await put('topic_proposals', topics.proposals);
  await put('topic_backings', topics.backings);
  // Last: the frozen quarter counts every record above.
  documents += await seedAssessment(now);

  const unitName = (id: string) => UNITS.find((u) => u._id === id)?.name.replace(/^政协|委员会$/g, '') ?? '';
  // The 切换身份 list says who is on duty right now, so a demo can sign in as them straight away.
  const onDutyNow = new Map(
    shifts
      .filter((sh) => sh.start <= now && sh.end > now)
      .flatMap((sh) => sh.memberIds.map((id) => [id, sh.workstationName] as const)),
  );
  const accounts: Account[] = [
    { openid: 'o_citizen_demo', name: '演示群众', roles: ['citizen'], label: '群众 · 演示群众（已提交 2 条诉求）' },
    ...users.map((u) => ({
      openid: u.openid!,
      name: u.name,
      roles: u.roles,
      label: `${u.roles.map((r) => ROLE_LABELS[r]).join('、')} · ${u.name}（${unitName(u.unitId)}）${
        onDutyNow.has(u._id) ? ` · 正在值班：${onDutyNow.get(u._id)}` : ''
      }`,
    })),
  ];
  writeFileSync(join(dataDir, 'accounts.json'), JSON.stringify(accounts, null, 2));
  return { documents };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

if (require.main === module) {
  const port = process.env.PORT ?? '8787';
  process.env.TCB_CONTEXT_CNFG ??= JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` });
  seed(process.env.DATA_DIR ?? join(__dirname, '..', '.data')).then(
    ({ documents }) => console.log(`演示数据已写入：${documents} 条`),
    (err) => {
      console.error(`写入演示数据失败：${err instanceof Error ? err.message : err}`);
      process.exit(1);
    },
  );
}
