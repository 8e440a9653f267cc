import { Image, Text, View } from '@tarojs/components';
import type { OnDutyPerson } from '@lxq/types';
import { useQuery } from '../../hooks/useQuery';
import { shiftWhen } from '../../utils/duty';
import { formatChinaTime } from '../../utils/time';

/** Who is on duty at the station today and this week (public: name, sector, photo). */
export function OnDuty({ workstationId }: { workstationId: string }) {
  const q = useQuery('duty.stationDuty', { workstationId }, workstationId);
  if (q.loading && !q.data) return <View className="card muted">正在加载值班安排…</View>;
  if (q.error && !q.data) return <View className="card muted">{q.error.message}</View>;
  const today = q.data?.today ?? [];
  const later = (q.data?.week ?? []).filter((p) => p.date > (q.data?.todayDate ?? ''));
  return (
    <>
      <View className="section-title">今日值班委员</View>
      <View className="card">
        {today.length ? (
          today.map((p, i) => <Person key={`t${i}`} p={p} today />)
        ) : (
          <View className="muted">今天没有委员值班</View>
        )}
      </View>
      {later.length ? (
        <>
          <View className="section-title">本周值班</View>
          <View className="card">
            {later.map((p, i) => (
              <Person key={`w${i}`} p={p} />
            ))}
          </View>
        </>
      ) : null}
    </>
  );
}

function Person({ p, today }: { p: OnDutyPerson; today?: boolean }) {
  return (
    <View className="duty-person">
      {p.avatar ? (
        <Image className="duty-person__avatar" src={p.avatar} mode="aspectFill" />
      ) : (
        <View className="duty-person__avatar duty-person__avatar--text">{p.name.slice(0, 1)}</View>
      )}
      <View className="duty-person__body">
        <View>
          <Text className="duty-person__name">{p.name}</Text>
          {p.sectorName ? <Text className="muted"> · {p.sectorName}</Text> : null}
        </View>
        <View className="muted">
          {today
            ? `${formatChinaTime(p.start, 'HH:mm')}–${formatChinaTime(p.end, 'HH:mm')}`
            : shiftWhen(p.start, p.end)}
          {today && p.signedIn ? ' · 在岗' : ''}
        </View>
      </View>
    </View>
  );
}
