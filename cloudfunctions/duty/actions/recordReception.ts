import type { Reception } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { textIsRisky } from '../../shared/cloud';
import { AppError, forbidden, invalidState } from '../../shared/errors';
import { insertReception } from '../../shared/data/receptions';
import { getShift, incReceptions } from '../../shared/data/shifts';
import { createConcernOnBehalf } from '../domain/concernOnBehalf';
import { signOutClosesAt } from '../domain/times';

/** A member on duty records the people received; with consent, a concern on the person's behalf. */
export default defineAction({
  name: 'duty.recordReception',
  roles: ['member'],
  mutates: true,
  async handler(input, ctx) {
    const me = await ctx.user();
    const shift = await getShift(input.shiftId);
    const mine = shift.members.find((m) => m.userId === me._id);
    if (!mine) throw forbidden('您不在这个班次的值班名单中');
    if (!mine.signedInAt) throw invalidState('请先签到，再记录接待');
    if (ctx.now > signOutClosesAt(shift.end)) throw invalidState('班次已结束，不能再补记接待');
    const words = [input.topic, input.concern?.title, input.concern?.text].filter(Boolean).join('\n');
    if (await textIsRisky(words, ctx.openid)) {
      throw new AppError('CONTENT_RISKY', '内容含有不适宜发布的信息，请修改后再提交', {
        topic: '内容未通过安全检查，请修改后再提交',
      });
    }
    const concernId = input.concern
      ? await createConcernOnBehalf({
          id: ctx.newId('concern'),
          shift,
          member: me,
          ...input.concern,
          phone: input.visitorPhone ?? null,
          visitorName: input.visitorName ?? null,
          now: ctx.now,
        })
      : null;
    const reception: Reception = {
      _id: ctx.newId('reception'),
      shiftId: shift._id,
      workstationId: shift.workstationId,
      workstationName: shift.workstationName,
      unitId: shift.unitId,
      unitPath: shift.unitPath,
      memberId: me._id,
      memberName: me.name,
      date: shift.date,
      people: input.people,
      topic: input.topic,
      visitorName: input.visitorName ?? null,
      visitorPhone: input.visitorPhone ?? null,
      consent: input.consent,
      concernId,
      createdAt: ctx.now,
    };
    await insertReception(reception);
    await incReceptions(shift._id, concernId ? 1 : 0);
    ctx.audit(`receptions/${reception._id}`, null, {
      ...reception,
      visitorPhone: reception.visitorPhone ? '(已填写)' : null,
    });
    return { _id: reception._id, concernId };
  },
});
