/**
 * The content check's label decides (issue 21): abuse, advertising and pornography are refused; a
 * report describing wrongdoing (违法犯罪, 欺诈) is stored, marked for staff review and kept from
 * other citizens; plain text passes unmarked. The emulator's msgSecCheck answers the label from
 * its word lists per label, through the real SDK.
 */
import { startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const form = {
  workstationId: 'ws-huishi',
  category: '民生',
  title: '请关注小区的情况',
  phone: '13909435678',
  consent: true,
} as const;

const storedBy = async (openid: string) =>
  (await sys.db.collection('concerns').where({ submitterOpenid: openid }).get()).data as Array<{
    _id: string;
    needsReview?: boolean;
  }>;

test.each([
  ['辱骂 (20003)', '那个物业经理就是个王八蛋，天天不干活，请你们管一管这件事。', '辱骂', 'o_lbl_abuse'],
  ['广告 (10001)', '加我微信，低价代购各种商品，欢迎大家来咨询购买，量大从优。', '广告', 'o_lbl_ad'],
  ['色情 (20002)', '小区门口有人散发色情小卡片，内容十分露骨，请你们管一管。', '色情', 'o_lbl_porn'],
  ['低俗 (20012)', '楼上邻居天天在阳台上大声讲下流段子，孩子都听得到，请管一管。', '低俗', 'o_lbl_vulgar'],
  ['时政 (20001)', '有人在群里发帖号召颠覆国家政权，言论非常恶劣，请处理。', '不适宜', 'o_lbl_politics'],
])(
  'when the text is labelled %s, then it is refused with a Chinese message and nothing is stored',
  async (_label, text, word, openid) => {
    const res = await sys.as(openid).call('concern.submit', { ...form, text });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY', fields: { text: expect.any(String) } } });
    if (!res.ok) expect(res.error.message).toContain(word);
    expect(await storedBy(openid)).toHaveLength(0);
  },
);

test.each([
  ['违法犯罪 (20006)', '小区地下室里有人聚众赌博，每天晚上都很吵，请有关部门查处。', 'o_lbl_gamble'],
  ['欺诈 (20008)', '有人冒充社区工作人员上门诈骗老人钱财，已经有几户人家受骗了。', 'o_lbl_fraud'],
])(
  'when a report is labelled %s, then it is stored for staff review and the citizen is told so',
  async (_label, text, openid) => {
    const citizen = sys.as(openid);
    const answer = await citizen.ok('concern.submit', { ...form, text });
    expect(answer).toMatchObject({ status: 'submitted', needsReview: true });
    expect(await storedBy(openid)).toEqual([expect.objectContaining({ _id: answer._id, needsReview: true })]);

    // Staff see it in the queue and the detail, marked for review.
    const staff = sys.as(WHO.huiningStaff);
    const queue = await staff.ok('concern.listForStaff', { status: 'submitted', pageSize: 50 });
    expect(queue.items.find((c) => c._id === answer._id)).toMatchObject({ needsReview: true });
    expect(await staff.ok('concern.get', { id: answer._id })).toMatchObject({ needsReview: true, text });

    // Its own submitter reads it as written, without the internal mark.
    const own = await citizen.ok('concern.get', { id: answer._id });
    expect(own.text).toBe(text);
    expect(own.needsReview).toBeUndefined();
  },
);

test('when the text is plain, then it is stored unmarked', async () => {
  const answer = await sys.as('o_lbl_plain').ok('concern.submit', {
    ...form,
    text: '有人在河边偷倒垃圾，气味很大，希望安排人员清理并加强巡查。',
  });
  expect(answer.needsReview).toBe(false);
  expect((await storedBy('o_lbl_plain'))[0].needsReview).toBeUndefined();
});

test('when another citizen’s concern is merged into a report under review, then they do not see its words', async () => {
  const report = await sys.as('o_lbl_orig').ok('concern.submit', {
    ...form,
    title: '某某饭店后厨有人吸毒品',
    text: '某某饭店后厨有人吸毒品，经常在后门交易，请公安部门调查处理。',
  });
  const dup = await sys.as('o_lbl_dup').ok('concern.submit', {
    ...form,
    text: '饭店后门晚上经常有陌生人聚集，很不安全，请派人来看看。',
  });
  await sys.as(WHO.huiningStaff).ok('concern.markDuplicate', { id: dup._id, originalId: report._id });
  const view = await sys.as('o_lbl_dup').ok('concern.get', { id: dup._id });
  expect(view.duplicateOf).toMatchObject({ _id: report._id });
  expect(view.duplicateOf?.title).not.toContain('毒品');
});

test('when a member’s liaison record raises a report of wrongdoing, then that concern alone is marked for review', async () => {
  const date = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const { concernIds } = await sys.as(WHO.member).ok('liaison.log', {
    date,
    time: '00:05',
    channel: 'face',
    place: '会师镇东关村',
    personTimes: 6,
    summary: '走访村民，听取对村务管理的意见。',
    concerns: [
      { category: '民生', title: '村口有人聚众赌博', text: '村民反映村口小卖部后屋每晚有人聚众赌博，影响很坏。' },
      { category: '民生', title: '村道路灯不亮', text: '村民反映村道路灯坏了一个月，夜间出行不便。' },
    ],
  });
  const [report, plain] = await Promise.all(
    concernIds.map(async (id) => (await sys.db.collection('concerns').doc(id).get()).data),
  );
  expect(report.needsReview).toBe(true);
  expect(plain.needsReview).toBeUndefined();
});
