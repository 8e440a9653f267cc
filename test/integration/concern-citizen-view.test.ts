/**
 * What a citizen sees of their own concern (issue 13): decided per field in the concern view.
 * Staff's 交办说明, internal notes, the phone and the assignee's id never reach the submitter;
 * the timeline names the assigned member who acted, and the office for staff.
 */
import type { ActionInput } from '@lxq/types';
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const form: ActionInput<'concern.submit'> = {
  workstationId: 'ws-huishi',
  category: '交通出行',
  title: '公园路口红绿灯时间太短',
  text: '公园路与北京路交叉口的人行绿灯只有15秒，老人和孩子过马路来不及，建议延长到30秒以上。',
  phone: '13912345678',
  consent: true,
};
const INSTRUCTIONS = '请联系交警部门核实信号配时，7日内答复群众';
const INTERNAL = '交警大队王科长电话已转委员';

test('when staff assign with instructions and a member replies, then the citizen sees who acted but never staff-only fields', async () => {
  const citizen = sys.as('o_c_view');
  const staff = sys.as(WHO.cityStaff);
  const member = sys.as(WHO.member);
  const submitted = await citizen.ok('concern.submit', form);
  // The unit's own deadlines come back with the submission: accept before reply, both ahead.
  expect(Date.parse(submitted.acceptDueAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  expect(Date.parse(submitted.replyDueAt ?? '')).toBeGreaterThanOrEqual(Date.parse(submitted.acceptDueAt ?? ''));
  const id = submitted._id;

  await staff.ok('concern.accept', { id, note: '内部：优先处理' }, newRequestId());
  await staff.ok('concern.assign', { id, target: { kind: 'member', id: 'user-m02' }, note: INSTRUCTIONS });
  await staff.ok('concern.addNote', { id, text: INTERNAL });
  await member.ok('concern.start', { id });
  await member.ok('concern.reply', { id, text: '经与市交警支队沟通，该路口人行绿灯已调整为30秒，感谢您的反映。' });

  const view = await citizen.ok('concern.get', { id });
  const raw = JSON.stringify(view);
  for (const secret of [INSTRUCTIONS, INTERNAL, '内部：优先处理', '13912345678', 'user-m02']) {
    expect(raw).not.toContain(secret);
  }
  expect(view).not.toHaveProperty('notes');
  expect(view).not.toHaveProperty('phone');
  expect(view).not.toHaveProperty('submitter');
  expect(view).not.toHaveProperty('recorder');

  const memberName = (await sys.db.collection('users').doc('user-m02').get()).data.name as string;
  const byAction = Object.fromEntries(view.timeline.map((e) => [e.action, e]));
  expect(byAction.submit).toMatchObject({ byName: '我' });
  expect(byAction.accept).toMatchObject({ byName: '工作人员', note: '' });
  expect(byAction.assign).toMatchObject({ byName: '工作人员', note: `交办给委员${memberName}` });
  expect(byAction.start).toMatchObject({ byName: `委员${memberName}` });
  expect(byAction.reply).toMatchObject({ byName: `委员${memberName}` });

  // Staff still see everything they typed, where they typed it.
  const asStaff = await staff.ok('concern.get', { id });
  expect(JSON.stringify(asStaff.timeline)).toContain(INSTRUCTIONS);
  expect(asStaff.notes?.map((n) => n.text)).toContain(INTERNAL);
});
