import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { randomId } from '../../services/random';
import { formatChinaTime } from '../../utils/time';
import { Button } from '../../ui/button';

/**
 * 一类事: groups of concerns from several people (often several stations) about the same problem,
 * each with the concerns behind it; staff raise a topic from one or dismiss it.
 */
export function ClusterSuggestions() {
  const q = useQuery('topic.clusters', {}, 'clusters');
  // A suggestion raised as a topic leaves the list when staff come back.
  useDidShow(() => {
    if (q.data) void q.reload();
  });
  const [error, setError] = useState('');
  const list = q.data?.suggestions ?? [];
  if (!list.length) return null;
  const dismiss = async (key: string) => {
    setError('');
    try {
      await call('topic.dismissCluster', { key }, { requestId: randomId() });
      await q.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <View className="card topic-clusters">
      <View className="card-title">一类事建议（近 90 天）</View>
      <View className="muted">多人、多个工作站反映的同类问题，可以合并发起一个协商议题</View>
      {list.map((s) => (
        <View key={s.key} className="topic-cluster">
          <View className="topic-cluster__head">
            {s.people} 人在 {s.stations.length} 个工作站反映同类问题 · {s.category} · {formatChinaTime(s.from, 'MM-DD')}{' '}
            至 {formatChinaTime(s.to, 'MM-DD')}
          </View>
          {s.concerns.map((c) => (
            <Text key={c._id} className="topic-cluster__concern">
              {c.title}
              {c.workstationName ? `（${c.workstationName}）` : ''}
            </Text>
          ))}
          <View className="row topic-moves__buttons">
            <Button
              type="primary"
              onClick={() =>
                void Taro.navigateTo({
                  url: `/staff/topic/create?concernIds=${encodeURIComponent(s.concerns.map((c) => c._id).join(','))}`,
                })
              }
            >
              发起协商议题
            </Button>
            <Button fill="outline" onClick={() => void dismiss(s.key)}>
              忽略
            </Button>
          </View>
        </View>
      ))}
      {error ? <View className="field__error">{error}</View> : null}
    </View>
  );
}
