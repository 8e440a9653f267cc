import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { shiftWhen } from '../../utils/duty';
import { formatChinaTime } from '../../utils/time';
import { ShiftCard } from '../duty/ShiftCard';

/**
 * What matters to a member now, on one screen: today's shift (running or next) with its sign-in,
 * what is waiting for them, and this quarter's liaison against the quota. Each figure comes from
 * the action that owns it (each within its round-trip budget), loaded side by side.
 */
export function Today({ unread }: { unread: number }) {
  const shifts = useQuery('duty.myShifts', { when: 'upcoming', pageSize: 1 });
  const assigned = useQuery('concern.listAssigned', { pageSize: 1 });
  const score = useQuery('liaison.scorecard', {});
  const next = shifts.data?.items[0];
  const today = formatChinaTime(new Date(), 'YYYY-MM-DD');
  const isToday = !!next && formatChinaTime(next.start, 'YYYY-MM-DD') === today;
  const s = score.data;
  const done = s?.progress.quarterActivities ?? 0;
  const quota = s?.quota.activitiesPerQuarter ?? 0;

  return (
    <>
      <View className="section-title">今天</View>
      {isToday && next ? (
        <ShiftCard shift={next} onChanged={() => void shifts.reload()} />
      ) : (
        <View className="card today-none">
          <View>今天没有值班</View>
          {next ? (
            <View className="muted">
              下一班：<Text className="nowrap">{shiftWhen(next.start, next.end)}</Text> · {next.workstationName}
            </View>
          ) : shifts.loading ? null : (
            <View className="muted">暂无值班安排</View>
          )}
        </View>
      )}

      <View className="today-figures">
        <View className="today-figure" onClick={() => void Taro.navigateTo({ url: '/member/assigned/index' })}>
          <Text className="today-figure__num">{assigned.data?.total ?? '–'}</Text>
          <Text className="today-figure__label">待办诉求 ›</Text>
        </View>
        <View className="today-figure" onClick={() => void Taro.navigateTo({ url: '/member/inbox/index' })}>
          <Text className="today-figure__num">{unread}</Text>
          <Text className="today-figure__label">未读通知 ›</Text>
        </View>
        <View className="today-figure" onClick={() => void Taro.navigateTo({ url: '/member/record/index' })}>
          <Text className="today-figure__num">{s ? `${done}/${quota}` : '–'}</Text>
          <Text className="today-figure__label">{s ? `第${s.quarter}季度联系 ›` : '本季度联系 ›'}</Text>
        </View>
      </View>
      {s ? (
        <View className={`today-quota ${done >= quota ? 'today-quota--ok' : ''}`}>
          {done >= quota ? '✓ 本季度联系次数已达标' : `还差 ${quota - done} 次达到本季度要求`}
        </View>
      ) : null}
      <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: '/member/liaison/log' })}>
        记一笔联系
      </Button>
    </>
  );
}
