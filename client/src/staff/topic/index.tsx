import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { TOPIC_FORM_LABELS, TOPIC_SOURCE_LABELS } from '@lxq/types/domain/topic';
import { ListState } from '../../components/ListState';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { useMe } from '../../hooks/useMe';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import { ClusterSuggestions } from './ClusterSuggestions';
import { OpenCall } from './OpenCall';
import { TopicFigures } from './TopicFigures';
import { TopicTable, stepText } from './TopicTable';
import './index.scss';

const LEAD = '八步议事：议题收集 → 议题确定 → 制定方案 → 议前调研 → 协商议事 → 公开公示 → 组织决定 → 跟踪落实';

/** 协商议事: the unit's consultation topics, this year's figures, and a new topic. */
export default function StaffTopicsPage() {
  const { isStaff, loading } = useMe();
  const desktop = useDesktop();
  const list = usePaged('topic.list', {}, { pageSize: 20, enabled: isStaff && !desktop });
  useDidShow(() => {
    if (isStaff && list.last) void list.reload();
  });
  const create = (
    <Button type="primary" size="small" onClick={() => void Taro.navigateTo({ url: '/staff/topic/create' })}>
      新增议题
    </Button>
  );

  if (!loading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">协商议事仅供政协工作人员使用。</View>
      </StaffScreen>
    );
  }
  if (desktop) {
    return (
      <StaffScreen actions={create}>
        <View className="muted topic-lead">{LEAD}</View>
        {isStaff ? <TopicFigures /> : null}
        {isStaff ? <OpenCall /> : null}
        {isStaff ? <ClusterSuggestions /> : null}
        {isStaff ? <TopicTable /> : null}
      </StaffScreen>
    );
  }
  return (
    <StaffScreen wide>
      <View className="row topic-head">
        <View>
          <View className="card-title">协商议事</View>
          <View className="muted">{LEAD}</View>
        </View>
      </View>
      <View className="topic-head__action">{create}</View>
      {isStaff ? <TopicFigures /> : null}
      {isStaff ? <OpenCall /> : null}
      {isStaff ? <ClusterSuggestions /> : null}
      {list.items.map((t) => (
        <View
          key={t._id}
          className="card topic-row"
          onClick={() => void Taro.navigateTo({ url: `/staff/topic/detail?id=${t._id}` })}
        >
          <View className="row">
            <Text className="topic-row__title">{t.title}</Text>
            <Text className={`chip topic-step ${t.closed ? 'topic-step--closed' : ''}`}>{stepText(t)}</Text>
          </View>
          <View className="muted">
            {TOPIC_SOURCE_LABELS[t.source]} · {TOPIC_FORM_LABELS[t.form]}
            {t.items ? ` · 反馈 ${t.withResult}/${t.items}` : ''}
            {t.overdue ? ` · 超期 ${t.overdue}` : ''}
          </View>
        </View>
      ))}
      <ListState list={list} emptyText="还没有协商议题" />
    </StaffScreen>
  );
}
