import type { ResearchParticipation } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { openTasksOf, insertParticipations } from '../../shared/data/topicParticipation';
import { getUsersByIds } from '../../shared/data/users';
import { invalid } from '../../shared/errors';
import { notifyMany } from '../../shared/notify';
import { inChina } from '../../shared/time';
import { asFound, createMark } from '../../shared/rewind';
import { changeTopic, mustAllow } from '../domain/change';
import { staffTopic } from '../domain/load';

/**
 * 议前调研: staff give named members of the topic's unit a research task before the meeting. Each
 * member gets their own task (their home lists it, their inbox says so) and closes it with notes
 * or a liaison record; the same task given twice to someone is refused by their name.
 */
export default defineAction({
  name: 'topic.assignResearch',
  roles: ['staff', 'admin'],
  mutates: true,
  target: staffTopic,
  async handler({ id, memberIds, task, dueOn }, ctx, { doc }) {
    // A task already overdue when given would only be reminded, never done on time.
    if (dueOn < inChina(ctx.now).format('YYYY-MM-DD')) throw invalid({ dueOn: '截止日期不能早于今天' });
    mustAllow(doc, 'research');
    const ids = [...new Set(memberIds)];
    const [people, given] = await Promise.all([getUsersByIds(ids), openTasksOf(doc._id, ids)]);
    const byId = new Map(people.map((u) => [u._id, u]));
    // Tasks this request stored before it died are not given twice by a retry of it (rewind.ts).
    const before = given.filter((g) => asFound(g).found);
    const fields: Record<string, string> = {};
    memberIds.forEach((m, i) => {
      const u = byId.get(m);
      if (!u || !u.roles.includes('member') || !u.unitPath.includes(doc.unitId)) {
        fields[`memberIds.${i}`] = '所选委员不存在或不在本议题的单位';
      } else if (before.some((g) => g.userId === m && g.task === task)) {
        fields[`memberIds.${i}`] = `已给${u.name}布置过这项调研任务`;
      }
    });
    if (Object.keys(fields).length) throw invalid(fields);
    const by = await ctx.user();
    const rows: ResearchParticipation[] = ids.map((m) => {
      const u = byId.get(m)!;
      return {
        _id: ctx.newId(`research:${m}`),
        kind: 'research',
        topicId: doc._id,
        topicTitle: doc.title,
        unitPath: doc.unitPath,
        userId: u._id,
        openid: u.openid ?? null,
        name: u.name,
        countedAt: null,
        createdAt: ctx.now,
        task,
        dueOn,
        status: 'open',
        note: '',
        liaisonRecordId: null,
        doneAt: null,
        assignedByName: by.name,
        ...createMark(),
      };
    });
    await changeTopic({
      topic: doc,
      action: 'research',
      record: {
        kind: 'record',
        text: `布置议前调研：${task}（${rows.map((r) => r.name).join('、')}，${dueOn} 前完成）`,
        by: by._id,
        byName: by.name,
        at: ctx.now,
        attachments: [],
      },
      now: ctx.now,
    });
    await insertParticipations(rows);
    await notifyMany(
      rows
        .filter((r) => r.openid)
        .map((r) => ({
          id: `${r._id}:told`,
          openid: r.openid!,
          kind: 'reminder' as const,
          title: '议前调研任务',
          body: `「${doc.title}」：${task}，请于 ${dueOn} 前完成并填写调研情况。`,
          page: '/member/topic/index',
          refId: r._id,
        })),
      ctx.now,
    );
    ctx.audit(`topics/${id}`, null, { research: { task, dueOn, members: rows.map((r) => r.userId) } });
    return { tasks: rows.length };
  },
});
