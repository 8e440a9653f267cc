import type { Reception } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { checkContent } from '../../shared/concerns/content';
import { invalidState } from '../../shared/errors';
import { insertReception } from '../../shared/data/receptions';
import { createConcernOnBehalf } from '../domain/concernOnBehalf';
import { myShift } from '../domain/targets';
import { signOutClosesAt } from '../domain/times';

/**
 * A member on duty records the people received; with consent, a concern on the person's behalf.
 * Open to 'citizen' at the router, as a sign-in is: the roster says who may record (by openid),
 * so no user is loaded. Both inserts take ids from ctx.newId(), so a retry fails on the first of
 * them and gets the first answer (retrySafe). Round trips: the shift, the reception, the audit
 * entry (3); with a concern, createConcern's 3 more (6). The board counts receptions from these
 * records, so nothing else is written.
 */
export default defineAction({
  name: 'duty.recordReception',
  roles: ['citizen'],
  mutates: true,
  retrySafe: true,
  target: myShift,
  async handler(input, ctx, { doc: shift, at }) {
    const member = shift.members[at];
    if (!member.signedInAt) throw invalidState('请先签到，再记录接待');
    if (ctx.now > signOutClosesAt(shift.end)) throw invalidState('班次已结束，不能再补记接待');
    // One concern at most (the schema's limit): the reception record names it.
    const [concern] = input.concerns;
    const words = [input.topic, concern?.title, concern?.text].filter(Boolean).join('\n');
    // Refused text stops the reception before anything is stored; a report of wrongdoing goes on.
    await checkContent(ctx.openid, { text: words, textField: 'topic' });
    const concernId = concern
      ? await createConcernOnBehalf({
          id: ctx.newId('concern'),
          shift,
          member: { userId: member.userId, name: member.name, openid: ctx.openid },
          ...concern,
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
      memberId: member.userId,
      memberName: member.name,
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
    ctx.audit(`receptions/${reception._id}`, null, {
      ...reception,
      visitorPhone: reception.visitorPhone ? '(已填写)' : null,
    });
    return { _id: reception._id, concernIds: concernId ? [concernId] : [] };
  },
});
