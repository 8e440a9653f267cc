import type { AssessmentResult, LiaisonQuota, User } from '@lxq/types';
import { $, db } from '../cloud';
import { ZONE } from '../time';
import { nearestQuota, type QuotaDoc } from './liaisonQuotas';

/**
 * The 成绩单's quota and the member's answered concerns in one request: an aggregate anchored on
 * the member's own user document, joining by equality (each through an index) the quotas of the
 * units on their path and the concerns assigned to them, of which only the China months of first
 * replies inside the span come back — never the concerns themselves; and the member's results
 * in the frozen quarters of the span's year (履职考核), joined by member id; and the China months of
 * their consultation meetings attended and research tasks done in the span (协商议题).
 */
export async function quotaAndAnswered(
  user: Pick<User, '_id' | 'unitPath' | 'openid'>,
  start: Date,
  end: Date,
  year: number,
): Promise<{
  quota: LiaisonQuota;
  answeredMonths: number[];
  results: AssessmentResult[];
  topicMonths: { kind: 'meeting' | 'research'; month: number }[];
}> {
  const firstReply = '$$c.firstRepliedAt';
  let q = db
    .collection('users')
    .aggregate()
    .match({ _id: user._id })
    .lookup({ from: 'liaison_quotas', localField: 'unitPath', foreignField: '_id', as: 'quotas' })
    .lookup({ from: 'assessment_results', localField: '_id', foreignField: 'memberId', as: 'results' })
    // 协商议题: the meetings they signed in to and the research tasks they closed (topic_participation.user_counted).
    .lookup({ from: 'topic_participation', localField: '_id', foreignField: 'userId', as: 'topicParts' });
  // Without a WeChat identity nothing is assigned to them (and null would join every unassigned one).
  if (user.openid) {
    q = q.lookup({ from: 'concerns', localField: 'openid', foreignField: 'assigneeOpenid', as: 'assigned' });
  }
  const { list } = await q
    .project({
      _id: 0,
      quotas: 1,
      results: $.filter({ input: '$results', as: 'r', cond: $.eq(['$$r.year', year]) }),
      answeredMonths: $.map({
        input: $.filter({
          input: $.ifNull(['$assigned', []]),
          as: 'c',
          cond: $.and([$.gte([firstReply, start]), $.lt([firstReply, end])]),
        }),
        as: 'c',
        in: $.month({ date: firstReply, timezone: ZONE }),
      }),
      topicMonths: $.map({
        input: $.filter({
          input: '$topicParts',
          as: 'p',
          cond: $.and([
            $.gte(['$$p.countedAt', start]),
            $.lt(['$$p.countedAt', end]),
            $.or([$.eq(['$$p.kind', 'research']), $.in(['$$p.outcome', ['on_time', 'late']])]),
          ]),
        }),
        as: 'p',
        in: { kind: '$$p.kind', month: $.month({ date: '$$p.countedAt', timezone: ZONE }) },
      }),
    })
    .limit(1)
    .end();
  type TopicMonth = { kind: 'meeting' | 'research'; month: number };
  const row = (
    list as { quotas: QuotaDoc[]; answeredMonths: number[]; results: AssessmentResult[]; topicMonths: TopicMonth[] }[]
  )[0];
  return {
    quota: nearestQuota(user.unitPath, row?.quotas ?? []).quota,
    answeredMonths: row?.answeredMonths ?? [],
    results: row?.results ?? [],
    topicMonths: row?.topicMonths ?? [],
  };
}
