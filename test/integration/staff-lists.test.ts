import { startSystem, WHO, type System } from './system';

/*
 * The console's long staff tables, on the demo data: each list action orders every page by its
 * time or name column either way (served by a declared index under strict mode), finds rows by words of
 * their title or name, and a county's staff never find another county's rows.
 */

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

type Row = { _id: string; [k: string]: unknown };
const time = (v: unknown) => new Date(v as string).getTime();

interface Table {
  action:
    | 'notice.list'
    | 'liaison.list'
    | 'report.list'
    | 'proposal.list'
    | 'topic.list'
    | 'duty.listLeaves'
    | 'account.listInvitations';
  collection: string;
  /** The stored field the table sorts by, and the same value on a listed row. */
  field: string;
  shown: (row: Row) => unknown;
  /** Extra input the action needs to list the whole subtree. */
  input?: Record<string, unknown>;
  /** The stored rows the action lists (e.g. a proposal once submitted). */
  listed?: (row: Row) => boolean;
  /** The stored text the search matches. */
  wordsField: 'title' | 'memberName' | 'requesterName' | 'name';
}

const TABLES: Table[] = [
  {
    action: 'notice.list',
    collection: 'notices',
    field: 'sendAt',
    shown: (r) => r.sendAt,
    wordsField: 'title',
  },
  {
    action: 'liaison.list',
    collection: 'liaison_records',
    field: 'date',
    shown: (r) => r.date,
    wordsField: 'memberName',
  },
  {
    action: 'report.list',
    collection: 'reports',
    field: 'updatedAt',
    shown: (r) => r.updatedAt,
    input: { box: 'all' },
    wordsField: 'title',
  },
  {
    action: 'proposal.list',
    collection: 'proposals',
    field: 'submittedAt',
    shown: (r) => r.submittedAt,
    listed: (r) => r.status !== 'draft',
    wordsField: 'title',
  },
  {
    action: 'topic.list',
    collection: 'topics',
    field: 'createdAt',
    shown: (r) => r.createdAt,
    wordsField: 'title',
  },
  {
    action: 'duty.listLeaves',
    collection: 'leaves',
    field: 'createdAt',
    shown: (r) => r.createdAt,
    input: { status: 'all' },
    wordsField: 'requesterName',
  },
  {
    action: 'account.listInvitations',
    collection: 'invitations',
    field: 'createdAt',
    shown: (r) => r.createdAt,
    wordsField: 'name',
  },
];

async function stored(t: Table, unitId: string): Promise<Row[]> {
  const { data } = await sys.db.collection(t.collection).where({ unitPath: unitId }).limit(1000).get();
  return (data as Row[]).filter(t.listed ?? (() => true));
}

const JINGYUAN = ['u-gansu', 'u-baiyin', 'u-jingyuan'];
const WORDS = '靖远样本';

/** The demo seeds these lists in 会宁 (or the city) only: four rows of 靖远, a month apart, carry words no other row has. */
beforeAll(async () => {
  for (const t of TABLES) {
    const [model] = await stored(t, 'u-baiyin');
    for (let i = 0; i < 4; i++) {
      const at = new Date(Date.UTC(2026, i, 10, 2));
      await sys.db.collection(t.collection).add({
        data: {
          ...model,
          _id: `${t.collection}-jy-${i}`,
          unitId: 'u-jingyuan',
          unitPath: JINGYUAN,
          [t.field]: at,
          [t.wordsField]: `${WORDS}${i}`,
          // An invitation's code is unique.
          ...('code' in model ? { code: `JY${i}${Date.now()}` } : {}),
        },
      });
    }
  }
});

describe.each(TABLES)('$action in the console', (t) => {
  test('when staff sort by the time column either way, then two pages follow that order across the whole subtree', async () => {
    const staff = sys.as(WHO.cityStaff);
    const all = (await stored(t, 'u-baiyin')).map((r) => time(r[t.field])).sort((a, b) => a - b);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const size = Math.min(5, Math.floor(all.length / 2));
    const pages = async (sort: string) => {
      const input = { ...t.input, sort, pageSize: size } as never;
      const [one, two] = await Promise.all([
        staff.ok(t.action, input),
        staff.ok(t.action, { ...(input as object), page: 2 } as never),
      ]);
      expect(one.total).toBe(all.length);
      return [...one.items, ...two.items].map((r) => time(t.shown(r as unknown as Row)));
    };
    expect(await pages(t.field)).toEqual(all.slice(0, 2 * size));
    expect(await pages(`-${t.field}`)).toEqual([...all].reverse().slice(0, 2 * size));
    const bad = await staff.call(t.action, { ...t.input, sort: 'title' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { sort: '排序方式无效' } } });
  });

  test("when staff search by words, then the matching rows of their scope come back and a county finds none of another county's", async () => {
    const ids = async (who: string, q: string) =>
      ((await sys.as(who).ok(t.action, { ...t.input, q, pageSize: 50 } as never)).items as unknown as Row[]).map(
        (r) => r._id,
      );
    const clones = [0, 1, 2, 3].map((i) => `${t.collection}-jy-${i}`);
    expect((await ids(WHO.cityStaff, WORDS)).sort()).toEqual(clones);
    expect(await ids(WHO.jingyuanStaff, `${WORDS}2`)).toEqual([clones[2]]);
    expect(await ids(WHO.huiningStaff, WORDS)).toEqual([]);
    // Search words are plain text, never a pattern.
    expect(await ids(WHO.cityStaff, '.*')).toEqual([]);
  });
});

/** The tables the console lists by a name or time besides the time-ordered ones above. */
interface Ordered {
  title: string;
  action: 'admin.listAccounts' | 'admin.auditLog' | 'org.listWorkstations' | 'liaison.progress';
  who: string;
  input?: Record<string, unknown>;
  field: string;
  /** What a listed row sorts by. */
  shown: (row: Row) => string | number;
  /** Every value of the subtree's rows, in any order. */
  all: () => Promise<(string | number)[]>;
  compare: (a: string | number, b: string | number) => number;
}

// The store orders text by code point; a list weighed in memory orders names as Chinese readers do.
const byCodePoint = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const storedValues =
  (collection: string, field: string, where: Record<string, unknown> = {}) =>
  async () =>
    (
      (await sys.db
        .collection(collection)
        .where({ unitPath: 'u-baiyin', ...where })
        .limit(1000)
        .get()) as { data: Row[] }
    ).data.map((r) => (r[field] instanceof Date ? (r[field] as Date).getTime() : (r[field] as string)));

const ORDERED: Ordered[] = [
  {
    title: '账号 by name',
    action: 'admin.listAccounts',
    who: WHO.admin,
    field: 'name',
    shown: (r) => r.name as string,
    all: storedValues('users', 'name'),
    compare: byCodePoint,
  },
  {
    title: '操作日志 by time',
    action: 'admin.auditLog',
    who: WHO.cityStaff,
    field: 'at',
    shown: (r) => time(r.at),
    all: storedValues('audit', 'at'),
    compare: (a, b) => (a as number) - (b as number),
  },
  {
    title: '工作站 by name',
    action: 'org.listWorkstations',
    who: WHO.cityStaff,
    input: { unitId: 'u-baiyin' },
    field: 'name',
    shown: (r) => r.name as string,
    all: storedValues('workstations', 'name'),
    compare: byCodePoint,
  },
  {
    title: '指标完成情况 by member',
    action: 'liaison.progress',
    who: WHO.cityStaff,
    field: 'name',
    shown: (r) => r.name as string,
    all: storedValues('users', 'name', { roles: 'member' }),
    compare: (a, b) => String(a).localeCompare(String(b), 'zh-CN'),
  },
];

/** The demo's log starts empty: six changes in two counties, a day apart. */
beforeAll(async () => {
  for (let i = 0; i < 6; i++) {
    const county = i % 2 ? 'u-huining' : 'u-jingyuan';
    await sys.db.collection('audit').add({
      data: {
        _id: `audit-sample-${i}`,
        actor: WHO.cityStaff,
        actorUserId: null,
        actorName: '样本',
        unitPath: ['u-gansu', 'u-baiyin', county],
        action: 'admin.saveSector',
        target: `sector:sample-${i}`,
        before: null,
        after: null,
        at: new Date(Date.UTC(2026, 0, 1 + i)),
        result: null,
      },
    });
  }
});

describe.each(ORDERED)('$title in the console', (t) => {
  test('when staff sort it either way, then two pages follow that order across the whole subtree', async () => {
    const all = (await t.all()).sort(t.compare);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const size = Math.min(5, Math.floor(all.length / 2));
    const caller = sys.as(t.who);
    const pages = async (sort: string) => {
      const input = { ...t.input, sort, pageSize: size } as never;
      const [one, two] = await Promise.all([
        caller.ok(t.action, input),
        caller.ok(t.action, { ...(input as object), page: 2 } as never),
      ]);
      expect(one.total).toBe(all.length);
      return [...one.items, ...two.items].map((r) => t.shown(r as unknown as Row));
    };
    expect(await pages(t.field)).toEqual(all.slice(0, 2 * size));
    expect(await pages(`-${t.field}`)).toEqual([...all].reverse().slice(0, 2 * size));
    const bad = await caller.call(t.action, { ...t.input, sort: 'phone' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { sort: '排序方式无效' } } });
  });
});

test("when staff search the workstations by words of a name, then their county's match, another county's list has none, and the export holds the same", async () => {
  const { data } = await sys.db.collection('workstations').where({ unitPath: 'u-huining' }).limit(1).get();
  const name = (data[0] as Row).name as string;
  const names = async (unitId: string, q: string) =>
    (await sys.as(WHO.huiningStaff).ok('org.listWorkstations', { unitId, q, pageSize: 50 })).items.map((w) => w.name);
  expect(await names('u-huining', name.slice(-4))).toContain(name);
  expect(await names('u-baiyin', name)).toContain(name);
  expect(await names('u-jingyuan', name)).toEqual([]);
  expect(await names('u-huining', '.*')).toEqual([]);
  // The export carries the words: the workbook holds what the table shows.
  const job = await sys.as(WHO.huiningStaff).ok('exportJob.start', { kind: 'workstations', workstations: { q: name } });
  expect(job.total).toBe((await names('u-huining', name)).length);
});
