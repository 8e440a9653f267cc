import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { TOPIC_FORM_LABELS, TOPIC_SOURCE_LABELS, TOPIC_STEP_LABELS, TOPIC_STEPS } from '@lxq/types/domain/topic';
import { Pending } from '../components/LoadFailed';
import { Screen } from '../components/Screen';
import { useQuery } from '../hooks/useQuery';
import { formatChinaTime } from '../utils/time';
import './topic.scss';

/**
 * A consultation topic's public page (公开公示): the steps it has been through and the three lists
 * with their progress. No one's name or contact: departments and results only.
 */
export default function PublicTopicPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const q = useQuery('topic.publicGet', { id }, id);
  const t = q.data;
  if (!t) {
    return (
      <Screen>
        <Pending query={q} />
      </Screen>
    );
  }
  const reached = TOPIC_STEPS.indexOf(t.step);
  return (
    <Screen>
      <View className="card">
        <View className="pt__title">{t.title}</View>
        <View className="muted">
          {TOPIC_SOURCE_LABELS[t.source]} · {TOPIC_FORM_LABELS[t.form]}
          {t.workstations.length ? ` · ${t.workstations.map((w) => w.name).join('、')}` : ''}
        </View>
        <View className="pt__background">{t.background}</View>
        <View className={`chip ${t.closed ? 'pt__done' : 'chip--red'}`}>
          {t.closed ? '已办结' : `进行到：${TOPIC_STEP_LABELS[t.step]}`}
        </View>
      </View>
      <View className="section-title">八步议事</View>
      <View className="card">
        {TOPIC_STEPS.map((s, i) => {
          const line = t.steps.filter((x) => x.step === s).at(-1);
          const state = t.closed || i < reached ? 'done' : i === reached ? 'now' : 'todo';
          return (
            <View key={s} className={`pt__step pt__step--${state}`}>
              <Text className="pt__step-name">
                {state === 'done' ? '✓ ' : `${i + 1}. `}
                {TOPIC_STEP_LABELS[s]}
              </Text>
              {line ? (
                <Text className="muted">
                  {formatChinaTime(line.at, 'YYYY-MM-DD')} {line.text}
                </Text>
              ) : null}
            </View>
          );
        })}
      </View>
      <View className="section-title">协商建议与落实情况</View>
      <View className="card">
        {t.items.length ? (
          t.items.map((i) => (
            <View key={i.no} className="pt__item">
              <Text className="pt__item-text">
                {i.no}. {i.suggestion}
              </Text>
              {i.department ? (
                <Text className="muted">
                  责任单位：{i.department}
                  {i.deadline ? ` · 时限 ${i.deadline}` : ''}
                </Text>
              ) : null}
              <Text className={i.done ? 'pt__result' : 'muted'}>{i.done ? `结果：${i.result}` : '办理中'}</Text>
            </View>
          ))
        ) : (
          <View className="muted">协商建议清单尚未公示</View>
        )}
      </View>
    </Screen>
  );
}
