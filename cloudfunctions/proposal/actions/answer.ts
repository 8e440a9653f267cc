import { ANSWER_CATEGORY_LABELS, type AssignmentReply } from '@lxq/types';
import { _ } from '../../shared/cloud';
import { defineAction } from '../../shared/action';
import { checkFiles } from '../../shared/files';
import { invalidState } from '../../shared/errors';
import { moveProposal, resumedOn } from '../domain/change';
import { assignmentsAsLoaded, handlerCase } from '../domain/handler';
import { chinaToday } from '../domain/sessions';
import { tellProposer } from '../domain/tell';

/**
 * A unit answers with its reply letter (a PDF it uploaded) and the category (A/B/C). When every
 * unit still on the proposal has answered, the proposal is answered and the proposer (and
 * confirmed co-signers) are told, and whether it came within the deadline is kept for the figures.
 */
export default defineAction({
  name: 'proposal.answer',
  roles: ['handler'],
  mutates: true,
  async handler({ id, category, text, fileID, fileName }, ctx) {
    const c = await handlerCase(ctx, id);
    const { proposal, mine, at, by } = c;
    const again = resumedOn(proposal);
    if (!again && (mine.status === 'answered' || mine.status === 'returned'))
      throw invalidState('贵单位已答复或已退回这件提案');
    if (!again && proposal.status !== 'assigned' && proposal.status !== 'rehandling')
      throw invalidState('提案当前不在办理中');
    await checkFiles(ctx.openid, 'replies', [{ fileID, field: 'fileID', kind: 'pdf', label: '答复函' }]);
    const reply: AssignmentReply = { category, text, fileID, fileName, at: ctx.now, by: ctx.openid, byName: by.name };
    const last = proposal.assignments.every((a, i) => i === at || a.status === 'answered' || a.status === 'returned');
    const today = chinaToday(ctx.now);
    const status = await moveProposal({
      proposal,
      action: last ? 'answer' : null,
      by,
      now: ctx.now,
      event: `${mine.name}答复（${ANSWER_CATEGORY_LABELS[category].slice(0, 2)}）`,
      note: text,
      set: {
        [`assignments.${at}.status`]: 'answered',
        [`assignments.${at}.replies`]: _.push([reply]),
        ...(mine.acknowledgedAt ? {} : { [`assignments.${at}.acknowledgedAt`]: ctx.now }),
        ...(last ? { answeredAt: ctx.now, answeredOnTime: today <= (proposal.dueOn ?? today) } : {}),
      },
      where: assignmentsAsLoaded(proposal),
      otherwise: '其他承办单位刚刚更新了这件提案，请刷新后再答复',
    });
    if (last) {
      await tellProposer(
        proposal,
        ctx.newId('tell'),
        '提案已答复',
        `您的提案「${proposal.title}」已答复，请查看并评价。`,
        ctx.now,
        true,
      );
    }
    ctx.audit(`proposals/${id}`, { assignment: mine.status }, { assignment: 'answered', category, status });
    return { status };
  },
});
