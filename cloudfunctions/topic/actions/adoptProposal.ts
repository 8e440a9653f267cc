import type { TopicProposal } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { getProposal, markProposalTopic } from '../../shared/data/topicCalls';
import { getTopic, insertTopic } from '../../shared/data/topics';
import { invalidState, notFound } from '../../shared/errors';
import { sendSubscribeMessage } from '../../shared/notify';
import { alreadyChanged, rewound } from '../../shared/rewind';
import { target } from '../../shared/target';
import { newTopic, person } from '../domain/topic';

const MISSING = '议题建议不存在';

/** A proposal to one of the caller's unit's calls (or a unit below): others never learn it exists. */
const callProposal = target({
  load: async ({ id }: { id: string }) => {
    const p = await getProposal(id);
    if (!p) throw notFound(MISSING);
    // A retry of the adoption that died past its mark sees the proposal as that call did (rewind.ts).
    return rewound(p);
  },
  may: { staffInScope: (p: TopicProposal) => p.unitPath },
  hidden: MISSING,
});

/**
 * 转为议题: staff make a citizen's proposal to a 公开征题 call a topic of the call's unit in one
 * step — source 公开征题, its title and text as the topic's title and background, linked both ways.
 * The proposal is marked first, only while it is no topic yet (two staff at once make one topic);
 * everyone sees 已转为议题 on the call, and the proposer gets a subscribe message when one is left,
 * right after the topic is stored: a retry of a call that died past that insert does not send it
 * again (it may have gone), one that died before it does.
 */
export default defineAction({
  name: 'topic.adoptProposal',
  roles: ['staff', 'admin'],
  mutates: true,
  // The mark is guarded and the topic's id comes from ctx.newId(): a retry resumes past them.
  retrySafe: true,
  target: callProposal,
  async handler({ form }, ctx, { doc: p }) {
    const topicId = ctx.newId('topic');
    if (p.topic) throw invalidState(`这条议题建议已转为议题「${p.topic.title}」`);
    const by = await ctx.user();
    const resumed = alreadyChanged(p);
    if (!resumed && !(await markProposalTopic(p, { id: topicId, title: p.title }))) {
      throw invalidState('这条议题建议已由他人转为议题，请刷新');
    }
    const unit = { unitId: p.unitPath[p.unitPath.length - 1], unitPath: p.unitPath };
    const topic = newTopic(
      topicId,
      { title: p.title, background: p.text, form, sectorIds: [], workstationIds: [] },
      { source: 'call', unit, responsible: [person(by)] },
      by,
      ctx.now,
      `公开征题：群众提出「${p.title}」（${p.backers} 人支持），${by.name}转为议题`,
    );
    // Read back only when resumed past the mark: the topic stored means the push may have gone.
    if (!resumed || !(await getTopic(topicId))) {
      await insertTopic({ ...topic, fromCallProposal: { id: p._id, callId: p.callId, title: p.title } });
      await sendSubscribeMessage(p.openid, 'taskReminder', `public/call?id=${p.callId}`, {
        thing1: p.title,
        thing2: '您提出的议题已转为协商议题',
        time3: ctx.now,
      });
    }
    ctx.audit(`topic_proposals/${p._id}`, { topic: null }, { topic: topicId, title: p.title });
    return { _id: topicId };
  },
});
