/**
 * 公开征题 through the real topic function: staff open a call; the station page lists it; citizens
 * propose topics (content checked) and back others' once each, the count shown; a closed call
 * takes nothing more.
 */
import { requestKey } from '../../cloudfunctions/shared/router';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const proposal = {
  title: '村里缺少文化活动场所',
  text: '村里没有文化广场，老人孩子没有活动的地方，建议利用闲置场地建设。',
};

test('when staff open a call, then the station page lists it and citizens propose and back topics, once each', async () => {
  const { _id: callId } = await sys.as(WHO.huiningStaff).ok('topic.openCall', {
    title: '乡村文化建设议题征集',
    intro: '征集乡村文化建设方面的协商议题，欢迎提出和支持。',
    closesOn: inDays(10),
  });
  const station = await sys.as('o_call_a').ok('topic.publicList', { workstationId: 'ws-huishi' });
  expect(station.calls.map((c) => c._id)).toContain(callId);
  expect(
    (await sys.as('o_call_a').ok('topic.publicList', { workstationId: 'ws-agri-jingyuan' })).calls.map((c) => c._id),
  ).not.toContain(callId);

  const { _id } = await sys.as('o_call_a').ok('topic.proposeToCall', { id: callId, ...proposal });
  expect(await sys.as('o_call_b').ok('topic.backProposal', { id: _id })).toEqual({ backers: 1 });
  expect(await sys.as('o_call_c').ok('topic.backProposal', { id: _id })).toEqual({ backers: 2 });
  const again = await sys.as('o_call_b').call('topic.backProposal', { id: _id });
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已经支持过这条议题建议' } });

  const seen = await sys.as('o_call_b').ok('topic.getCall', { id: callId });
  expect(seen.call).toMatchObject({ title: '乡村文化建设议题征集', proposals: 1, open: true });
  expect(seen.proposals).toEqual([{ _id, ...proposal, backers: 2, backedByMe: true, mine: false, topic: null }]);
  expect(JSON.stringify(seen)).not.toContain('o_call_a');
  expect((await sys.as('o_call_a').ok('topic.getCall', { id: callId })).proposals[0]).toMatchObject({
    mine: true,
    backedByMe: false,
  });
});

test('when a proposal is abusive or the call has closed, then nothing is stored or counted', async () => {
  const abusive = await sys.as('o_call_d').call('topic.proposeToCall', {
    id: 'call-demo-1',
    title: '邻居太吵',
    text: '楼上邻居天天在阳台上大声讲下流段子，孩子都听得到，请管一管。',
  });
  expect(abusive).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY', fields: { text: expect.any(String) } } });
  await sys.db
    .collection('topic_calls')
    .doc('call-demo-1')
    .update({ data: { closesAt: new Date(Date.now() - 1000) } });
  await sys.db
    .collection('topic_proposals')
    .doc('proposal-demo-1')
    .update({ data: { closesAt: new Date(Date.now() - 1000) } });
  const late = await sys.as('o_call_d').call('topic.proposeToCall', { id: 'call-demo-1', ...proposal });
  expect(late).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '征题已截止，不能再提出议题' } });
  const lateBack = await sys.as('o_call_d').call('topic.backProposal', { id: 'proposal-demo-1' });
  expect(lateBack).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  const { data } = await sys.db.collection('topic_proposals').where({ callId: 'call-demo-1' }).get();
  expect(data).toHaveLength(1);
  expect(data[0].backers).toBe(2);
  const past = await sys
    .as(WHO.huiningStaff)
    .call('topic.openCall', { title: '过期征题', intro: '截止日期已过的征题。', closesOn: '2020-01-01' });
  expect(past).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { closesOn: '截止日期不能早于今天' } },
  });
});

test('when staff turn a proposal into a topic, then one topic of source 公开征题 is made, linked both ways, once', async () => {
  const { _id: callId } = await sys.as(WHO.huiningStaff).ok('topic.openCall', {
    title: '城乡交通议题征集',
    intro: '征集城乡交通方面的协商议题，欢迎提出和支持。',
    closesOn: inDays(10),
  });
  const { _id: id } = await sys.as('o_call_e').ok('topic.proposeToCall', {
    id: callId,
    title: '城乡公交班次太少',
    text: '去县城的公交一天只有两班，赶集和看病都不方便，希望协商增加班次。',
  });
  for (const who of [WHO.citizen, 'o_call_e']) {
    expect((await sys.as(who).call('topic.adoptProposal', { id })).ok).toBe(false);
  }
  const elsewhere = await sys.as(WHO.jingyuanStaff).call('topic.adoptProposal', { id });
  expect(elsewhere).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  const bad = await sys.as(WHO.huiningStaff).call('topic.adoptProposal', { id, form: 'party' as never });
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { form: '请选择协商形式' } } });

  const requestId = newRequestId();
  const made = await sys.as(WHO.huiningStaff).ok('topic.adoptProposal', { id }, requestId);
  await sys.db
    .collection('audit')
    .doc(requestKey('topic.adoptProposal', WHO.huiningStaff, requestId))
    .remove();
  expect(await sys.as(WHO.huiningStaff).ok('topic.adoptProposal', { id }, requestId)).toEqual(made);
  const topic = await sys.as(WHO.huiningStaff).ok('topic.get', { id: made._id });
  expect(topic).toMatchObject({ source: 'call', title: '城乡公交班次太少', step: 'collect' });
  expect(topic.background).toContain('一天只有两班');
  const { data: topics } = await sys.db.collection('topics').where({ unitPath: 'u-huining' }).limit(1000).get();
  expect(topics.filter((t: { fromCallProposal?: { id: string } }) => t.fromCallProposal?.id === id)).toHaveLength(1);
  const again = await sys.as(WHO.huiningStaff).call('topic.adoptProposal', { id });
  expect(again).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE', message: expect.stringContaining('已转为议题') },
  });
  const seen = await sys.as('o_call_e').ok('topic.getCall', { id: callId });
  expect(seen.proposals[0]).toMatchObject({ _id: id, mine: true, topic: '城乡公交班次太少' });
});
