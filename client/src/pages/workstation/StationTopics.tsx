import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useQuery } from '../../hooks/useQuery';

const STEP_TEXT: Record<string, string> = { publicity: '公示中', decision: '组织决定', implement: '跟踪落实' };

/** The station's open calls for topics (公开征题) and its published consultation topics (公开公示 on). */
export function StationTopics({ workstationId }: { workstationId: string }) {
  const q = useQuery('topic.publicList', { workstationId }, workstationId);
  const items = q.data?.items ?? [];
  const calls = q.data?.calls ?? [];
  if (!items.length && !calls.length) return null;
  return (
    <>
      {calls.length ? (
        <>
          <View className="section-title">公开征题</View>
          <View className="card">
            {calls.map((c) => (
              <View
                key={c._id}
                className="row wsd__topic"
                onClick={() => void Taro.navigateTo({ url: `/public/call?id=${c._id}` })}
              >
                <Text className="wsd__topic-title">{c.title}</Text>
                <Text className="link nowrap">提议题 ›</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
      {items.length ? (
        <>
          <View className="section-title">协商议事公示</View>
          <View className="card">
            {items.map((t) => (
              <View
                key={t._id}
                className="row wsd__topic"
                onClick={() => void Taro.navigateTo({ url: `/public/topic?id=${t._id}` })}
              >
                <Text className="wsd__topic-title">{t.title}</Text>
                <Text className="muted nowrap">{t.closed ? '已办结' : (STEP_TEXT[t.step] ?? '')} ›</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </>
  );
}
