import { findClusters, type ClusterConcern } from '../../cloudfunctions/topic/domain/clusters';

/** Four stations of 会宁 (a few km apart) and one far away in 靖远. */
const STATIONS = new Map([
  ['ws-a', { lat: 35.69, lng: 105.05 }],
  ['ws-b', { lat: 35.71, lng: 105.08 }],
  ['ws-c', { lat: 35.66, lng: 105.02 }],
  ['ws-d', { lat: 35.73, lng: 105.1 }],
  ['ws-far', { lat: 36.56, lng: 104.68 }],
]);
const day = 86_400_000;
const base = new Date('2026-10-01T02:00:00Z').getTime();
let n = 0;
const concern = (category: string, station: string, title: string, text: string, daysIn = 0): ClusterConcern => ({
  _id: `c${++n}`,
  title,
  text,
  category,
  workstationId: station,
  workstationName: station,
  submitterOpenid: `o${n}`,
  createdAt: new Date(base + daysIn * day),
});

const lights = [
  concern('民生', 'ws-a', '村口路灯不亮', '村口的路灯坏了两个月，晚上路灯不亮，老人孩子走夜路不安全。', 0),
  concern('民生', 'ws-b', '路灯坏了没人修', '我们村的路灯坏了很久，晚上一片漆黑，请修一下路灯。', 3),
  concern('民生', 'ws-c', '夜里路灯不亮', '街上路灯晚上不亮，走夜路摔倒过好几次，希望修好路灯。', 9),
  concern('民生', 'ws-d', '路灯损坏', '镇上好几盏路灯损坏，晚上不亮，存在安全隐患。', 20),
];
const water = [
  concern('民生', 'ws-a', '自来水经常停水', '自来水三天两头停水，停水也不提前通知，做饭洗衣都困难。', 1),
  concern('民生', 'ws-b', '停水不通知', '村里经常停水，自来水公司从不提前通知停水时间。', 5),
  concern('民生', 'ws-c', '自来水停水太频繁', '最近一个月停水五六次，自来水供应不稳定。', 12),
];
const unrelated = [
  concern('民生', 'ws-a', '广场舞噪音扰民', '晚上广场舞音响声音太大，影响休息。', 2),
  concern('教育', 'ws-b', '路灯下学生放学', '学校门口没有路灯，学生放学回家不安全。', 4),
  concern('民生', 'ws-far', '路灯不亮', '我们县城的路灯晚上不亮，请修好路灯。', 6),
  concern('民生', 'ws-d', '路灯坏了', '村里路灯坏了，晚上不亮，请修路灯。', 200),
];

test('when concerns at four stations describe the same problem, then they are proposed as one topic, and two problems as two', () => {
  const found = findClusters([...lights, ...water, ...unrelated], STATIONS);
  expect(found.map((c) => c.concerns.map((x) => x._id).sort())).toEqual([
    lights.map((c) => c._id).sort(),
    water.map((c) => c._id).sort(),
  ]);
  expect(new Set(found[0].concerns.map((c) => c.workstationId)).size).toBe(4);
});

test('when a concern is in another category, far away or outside the window, then it is not merged in', () => {
  const ids = findClusters([...lights, ...unrelated], STATIONS).flatMap((c) => c.concerns.map((x) => x._id));
  for (const u of unrelated) expect(ids).not.toContain(u._id);
});

test('when fewer than three concerns alike, then nothing is proposed', () => {
  expect(findClusters(lights.slice(0, 2), STATIONS)).toEqual([]);
});
