/**
 * 一类事 through the real topic function: four people at 会宁's three stations describing one
 * problem and three describing another, with look-alikes that must stay out (another category,
 * another county, already in a topic); staff see two suggestions, raise a topic from one and
 * dismiss the other, and neither comes back.
 */
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
  await sys.db.collection('concerns').add({ data: planted() });
});
afterAll(() => sys.stop());

/** 会宁's three stations: two in the county town, one 40 km north (within a county's reach). */
const huining = [
  { id: 'ws-huishi', name: '会师镇委员工作站' },
  { id: 'ws-guochengyi', name: '郭城驿镇委员工作站' },
  { id: 'ws-edu-huining', name: '会宁县教育界委员工作室' },
];
const now = Date.now();
let n = 0;
function concern(category: string, station: { id: string; name: string }, title: string, text: string, extra = {}) {
  n += 1;
  return {
    _id: `cl-${n}`,
    unitId: station.id === 'ws-agri-jingyuan' ? 'u-jingyuan' : 'u-huining',
    unitPath: ['u-gansu', 'u-baiyin', station.id === 'ws-agri-jingyuan' ? 'u-jingyuan' : 'u-huining'],
    workstationId: station.id,
    workstationName: station.name,
    category,
    title,
    text,
    status: 'accepted',
    submitterOpenid: `o_cl_${n}`,
    links: [],
    timeline: [],
    createdAt: new Date(now - n * 3_600_000),
    updatedAt: new Date(now - n * 3_600_000),
    ...extra,
  };
}
const LIGHT = ['村口路灯不亮', '村口的路灯坏了两个月，晚上路灯不亮，老人孩子走夜路不安全。'] as const;
const WATER = ['自来水经常停水', '自来水三天两头停水，停水也不提前通知，做饭洗衣都困难。'] as const;

function planted() {
  const [a, b, c] = huining;
  return [
    ...[a, b, c, a].map((s, i) => concern('民生', s, `${LIGHT[0]}${i}`, LIGHT[1])),
    ...[a, b, c].map((s, i) => concern('社会治理', s, `${WATER[0]}${i}`, WATER[1])),
    // Look-alikes: another category, another county, one already in a topic, one not yet accepted.
    concern('交通出行', a, LIGHT[0], LIGHT[1]),
    concern('民生', { id: 'ws-agri-jingyuan', name: '靖远' }, LIGHT[0], LIGHT[1]),
    concern('民生', b, LIGHT[0], LIGHT[1], {
      links: [{ kind: 'topic', refId: 'topic-demo-1', title: 'x', at: new Date() }],
    }),
    concern('民生', c, LIGHT[0], LIGHT[1], { status: 'submitted' }),
  ];
}

test('when people at three stations describe one problem, then staff see it as one suggestion, and the look-alikes stay out', async () => {
  const { suggestions } = await sys.as(WHO.huiningStaff).ok('topic.clusters', {});
  const ours = suggestions.filter((s) => s.concerns.every((c) => c._id.startsWith('cl-')));
  expect(ours.map((s) => s.concerns.map((c) => c._id).sort())).toEqual([
    ['cl-1', 'cl-2', 'cl-3', 'cl-4'],
    ['cl-5', 'cl-6', 'cl-7'],
  ]);
  expect(ours[0]).toMatchObject({ category: '民生', people: 4 });
  expect(ours[0].stations).toHaveLength(3);
  // 靖远 staff do not see 会宁's concerns, and the city sees both counties.
  const jingyuan = await sys.as(WHO.jingyuanStaff).ok('topic.clusters', {});
  expect(jingyuan.suggestions.flatMap((s) => s.concerns.map((c) => c._id))).not.toContain('cl-1');
});

test('when staff raise a topic from one suggestion and dismiss the other, then neither comes back', async () => {
  const staff = sys.as(WHO.huiningStaff);
  const { suggestions } = await staff.ok('topic.clusters', {});
  const lights = suggestions.find((s) => s.concerns.some((c) => c._id === 'cl-1'))!;
  const water = suggestions.find((s) => s.concerns.some((c) => c._id === 'cl-5'))!;
  await staff.ok('topic.raiseFromConcerns', {
    title: '多个村路灯不亮',
    background: '四个工作站的群众反映村里路灯不亮，走夜路不安全。',
    form: 'micro',
    concernIds: lights.concerns.map((c) => c._id),
  });
  expect(await staff.ok('topic.dismissCluster', { key: water.key })).toEqual({ dismissed: true });
  const after = await staff.ok('topic.clusters', {});
  expect(after.suggestions.map((s) => s.key)).not.toContain(lights.key);
  expect(after.suggestions.map((s) => s.key)).not.toContain(water.key);
  const bad = await staff.call('topic.dismissCluster', { key: 'not a key' });
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '建议无效' } });
});
