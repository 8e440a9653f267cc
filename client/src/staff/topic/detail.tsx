import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { TOPIC_FORM_LABELS, TOPIC_SOURCE_LABELS, TOPIC_STEP_LABELS } from '@lxq/types/domain/topic';
import { Pending } from '../../components/LoadFailed';
import { AttachmentList } from '../../components/NoticeBody';
import { StaffScreen } from '../components/StaffScreen';
import { useQuery } from '../../hooks/useQuery';
import { formatChinaTime } from '../../utils/time';
import { MeetingPanel } from './MeetingPanel';
import { ResearchPanel } from './ResearchPanel';
import { StepPanel } from './StepPanel';
import { StepTrack } from './StepTrack';
import { TopicLists } from './TopicLists';
import './index.scss';

/** One topic: where it came from, the eight steps with what each recorded, and the three lists. */
export default function TopicDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const q = useQuery('topic.get', { id }, id);
  const t = q.data;
  // The meeting's replies and sign-ins and the research tasks, read again whenever the topic changes.
  const people = useQuery('topic.participants', t ? { id } : null, `${id}:${t?.records.length ?? 0}`);
  if (!t) {
    return (
      <StaffScreen>
        <Pending query={q} />
      </StaffScreen>
    );
  }
  const reload = () => {
    void q.reload();
    void people.reload();
  };
  return (
    <StaffScreen wide>
      <View className="card">
        <View className="row">
          <Text className="topic-title">{t.title}</Text>
          <Text className={`chip topic-step ${t.closedAt ? 'topic-step--closed' : ''}`}>
            {t.closedAt ? '已办结' : TOPIC_STEP_LABELS[t.step]}
          </Text>
        </View>
        <View className="muted">
          {TOPIC_SOURCE_LABELS[t.source]} · {TOPIC_FORM_LABELS[t.form]}
          {t.workstations.length ? ` · ${t.workstations.map((w) => w.name).join('、')}` : ''}
          {` · 负责人：${t.responsible.map((r) => r.name).join('、')}`}
        </View>
        <View className="topic-background">{t.background}</View>
        {t.confirmation ? (
          <View className="muted">
            {t.confirmation.date} 经{t.confirmation.body}确定
          </View>
        ) : null}
        {t.publishedAt ? (
          <View className="muted">{formatChinaTime(t.publishedAt, 'YYYY-MM-DD')} 起公开公示</View>
        ) : null}
        {t.concerns.length ? (
          <View className="topic-concerns">
            <View className="muted">由 {t.concerns.length} 条群众诉求发起：</View>
            {t.concerns.map((c) => (
              <Text
                key={c.concernId}
                className="topic-link"
                onClick={() => void Taro.navigateTo({ url: `/staff/concerns/detail?id=${c.concernId}` })}
              >
                {c.title}
                {c.workstationName ? `（${c.workstationName}）` : ''}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      <View className="card">
        <StepTrack step={t.step} closed={!!t.closedAt} />
      </View>
      {t.closedAt ? null : <StepPanel topic={t} onChanged={reload} />}
      <MeetingPanel topic={t} data={people.data} onChanged={reload} />
      <ResearchPanel topic={t} data={people.data} onChanged={reload} />
      <TopicLists topic={t} onChanged={reload} />
      <View className="card">
        <View className="card-title">议事记录</View>
        {[...t.records].reverse().map((r, i) => (
          <View key={i} className={`topic-record topic-record--${r.kind}`}>
            <View className="muted">
              {TOPIC_STEP_LABELS[r.step]} · {r.byName} · {formatChinaTime(r.at)}
            </View>
            <Text userSelect>{r.text}</Text>
            {r.attachments.length ? (
              <AttachmentList
                items={r.attachments.map((a) => ({ ...a, size: 0 }))}
                onOpen={(k) => {
                  const url = r.attachments[k].url;
                  if (url && process.env.TARO_ENV === 'h5') window.open(url, '_blank');
                }}
              />
            ) : null}
          </View>
        ))}
      </View>
    </StaffScreen>
  );
}
