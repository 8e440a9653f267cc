import type { Assignment } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { handlersOf } from '../../shared/data/users';
import { invalid } from '../../shared/errors';
import { moveProposal } from '../domain/change';
import { departmentsFor } from '../domain/departments';
import { actor, staffProposal } from '../domain/load';
import { chinaToday } from '../domain/sessions';
import { tellHandlers, tellProposer } from '../domain/tell';

/**
 * 交办: a filed proposal goes to one 主办 unit and up to five 协办 units with a deadline; their
 * people and the proposer are told. Units that returned it before keep their 退回 in the timeline.
 */
export default defineAction({
  name: 'proposal.assign',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffProposal,
  async handler({ id, leadId, assistIds, dueOn }, ctx, { doc }) {
    if (assistIds.includes(leadId)) throw invalid({ assistIds: '主办单位不能同时作为协办单位' });
    if (dueOn <= chinaToday(ctx.now)) throw invalid({ dueOn: '办理期限应晚于今天' });
    const departments = await departmentsFor(doc, [leadId, ...assistIds], 'assistIds');
    const assignments: Assignment[] = departments.map((d, i) => ({
      handlingUnitId: d._id,
      name: d.name,
      role: i === 0 ? 'lead' : 'assist',
      status: 'pending',
      dueOn,
      acknowledgedAt: null,
      returnReason: null,
      extension: null,
      replies: [],
      remindedOn: null,
    }));
    const names = `主办：${departments[0].name}${
      assistIds.length
        ? `；协办：${departments
            .slice(1)
            .map((d) => d.name)
            .join('、')}`
        : ''
    }`;
    const status = await moveProposal({
      proposal: doc,
      action: 'assign',
      by: await actor(ctx),
      now: ctx.now,
      event: '交办',
      note: `${names}；办理期限 ${dueOn}`,
      set: { assignments, handlingUnitIds: departments.map((d) => d._id), dueOn },
    });
    const key = ctx.newId('tell');
    const people = await handlersOf(departments.map((d) => d._id));
    await tellHandlers(
      people.map((u) => u.openid!).filter(Boolean),
      doc,
      key,
      '有新交办的提案',
      `「${doc.title}」已交贵单位办理，期限 ${dueOn}，请及时签收。`,
      ctx.now,
    );
    await tellProposer(doc, key, '提案已交办', `您的提案「${doc.title}」已交办（${names}）。`, ctx.now);
    ctx.audit(`proposals/${id}`, { status: doc.status }, { status, assignments: departments.map((d) => d._id), dueOn });
    return { status };
  },
});
