import { $, _, db } from '../../shared/cloud';
import type { IndicatorSource } from './types';

const is = (cond: object) => $.sum($.cond({ if: cond, then: 1, else: 0 }));

/**
 * 协商议事 and 议前调研: per member, the consultation meetings they signed in to (on time or late)
 * and missed (invited, sign-in closed without them), by the meeting's start; and the research
 * tasks they closed, by when. One aggregate over topic_participation.unit_counted.
 */
export const TOPIC_MEETING_SOURCE: IndicatorSource = {
  name: 'topicMeeting',
  member: {
    indicators: [
      {
        key: 'topic.meetings',
        label: '参加协商会',
        unit: '次',
        defaultWeight: 2,
        hint: '扫码签到（按时或迟到）的协商议事会议',
      },
      {
        key: 'topic.meetingAbsent',
        label: '协商会缺席',
        unit: '次',
        defaultWeight: -2,
        hint: '受邀参加、签到结束仍未签到的协商议事会议',
      },
      { key: 'topic.research', label: '议前调研', unit: '项', defaultWeight: 2, hint: '完成的议前调研任务' },
    ],
    async perMember(q) {
      const { list } = (await db
        .collection('topic_participation')
        .aggregate()
        .match({ unitPath: q.unitId, countedAt: _.gte(q.start).and(_.lt(q.end)), userId: _.in(q.memberIds) })
        .group({
          _id: '$userId',
          meetings: is($.and([$.eq(['$kind', 'meeting']), $.in(['$outcome', ['on_time', 'late']])])),
          absent: is($.and([$.eq(['$kind', 'meeting']), $.eq(['$outcome', 'pending']), $.lte(['$closesAt', q.now])])),
          research: is($.and([$.eq(['$kind', 'research']), $.eq(['$status', 'done'])])),
        })
        .limit(10000)
        .end()) as { list: { _id: string; meetings: number; absent: number; research: number }[] };
      return new Map(
        list.map((r) => [
          r._id,
          {
            figures: {
              'topic.meetings': r.meetings,
              'topic.meetingAbsent': r.absent,
              'topic.research': r.research,
            },
          },
        ]),
      );
    },
  },
};
