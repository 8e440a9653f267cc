import { defineAction } from '../../shared/action';
import { insertCall } from '../../shared/data/topicCalls';
import { invalid } from '../../shared/errors';
import { staffUnit } from '../domain/topic';
import { checkTopicText } from '../domain/content';
import { endOfChinaDay } from '../domain/calls';

/** 公开征题: staff open a call for topics to the public of their unit, until the end of a day. */
export default defineAction({
  name: 'topic.openCall',
  roles: ['staff', 'admin'],
  mutates: true,
  retrySafe: true,
  async handler({ title, intro, closesOn }, ctx) {
    const closesAt = endOfChinaDay(closesOn);
    if (closesAt.getTime() <= ctx.now.getTime()) throw invalid({ closesOn: '截止日期不能早于今天' });
    await checkTopicText(ctx.openid, { title, intro });
    const by = await ctx.user();
    const call = {
      _id: ctx.newId('call'),
      ...staffUnit(by),
      title,
      intro,
      closesAt,
      proposals: 0,
      createdBy: by._id,
      createdAt: ctx.now,
    };
    await insertCall(call);
    ctx.audit(`topic_calls/${call._id}`, null, { title, closesOn });
    return { _id: call._id };
  },
});
