import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import {
  TOPIC_FORM_LABELS,
  TOPIC_FORMS,
  TOPIC_PARTICIPATION_RULE,
  TOPIC_SOURCE_LABELS,
  TOPIC_SOURCES,
} from '@lxq/types/domain/topic';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';

/** Seed 001's figures for this year: the headline numbers, then topics by source and by form. */
export function TopicFigures() {
  const q = useQuery('topic.figures', {}, 'figures');
  useDidShow(() => {
    if (q.data) void q.reload();
  });
  const f = q.data;
  if (!f) return null;
  const head: [string, number][] = [
    ['议题', f.topics],
    ['开展协商', f.consultations],
    ['参与人次', f.participations],
    ['协商建议', f.suggestions],
    ['责任落实', f.assigned],
    ['结果反馈', f.withResult],
    ['按期完成', f.onTime],
    ['办结议题', f.solved],
  ];
  const split = (keys: readonly string[], labels: Record<string, string>, counts: Record<string, number>) =>
    keys
      .filter((k) => counts[k])
      .map((k) => `${labels[k]} ${counts[k]}`)
      .join(' · ') || '—';
  return (
    <View className="card topic-figures">
      <View className="row topic-figures__head">
        <Text className="card-title">
          {f.from} 至 {f.to}
        </Text>
        <View className="spacer" />
        <Text
          className="topic-link"
          onClick={() => void call('topic.export', {}).then((r) => openWorkbook(r.url, r.fileName))}
        >
          导出 Excel
        </Text>
      </View>
      <View className="topic-figures__grid">
        {head.map(([label, n]) => (
          <View key={label} className="topic-figures__cell">
            <Text className="topic-figures__n">{n}</Text>
            <Text className="muted">{label}</Text>
          </View>
        ))}
      </View>
      <View className="muted topic-figures__split">来源：{split(TOPIC_SOURCES, TOPIC_SOURCE_LABELS, f.bySource)}</View>
      <View className="muted topic-figures__split">形式：{split(TOPIC_FORMS, TOPIC_FORM_LABELS, f.byForm)}</View>
      <View className="muted topic-figures__split">参与人次：{TOPIC_PARTICIPATION_RULE}</View>
    </View>
  );
}
