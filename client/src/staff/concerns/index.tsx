import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ConcernStatus } from '@lxq/types';
import { CONCERN_STATUSES, CONCERN_STATUS_LABELS } from '@lxq/types/domain/concern';
import { ListState } from '../../components/ListState';
import { Screen } from '../../components/Screen';
import { StatusChip } from '../../components/StatusChip';
import { useMe } from '../../hooks/useMe';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import { Tabs } from '../../ui/tabs';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

type Filter = ConcernStatus | 'all';

export default function StaffConcernsPage() {
  const { isStaff, loading: meLoading, me } = useMe();
  const [filter, setFilter] = useState<Filter>('submitted');
  const list = usePaged('concern.listForStaff', filter === 'all' ? {} : { status: filter }, {
    pageSize: 20,
    key: filter,
    enabled: isStaff,
  });
  // Counts come with every page; keep the last known ones while a tab loads.
  const [counts, setCounts] = useState<Partial<Record<ConcernStatus, number>>>({});
  useEffect(() => {
    if (list.last?.counts) setCounts(list.last.counts);
  }, [list.last]);
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

  if (!meLoading && !isStaff) {
    return (
      <Screen tab="staff">
        <View className="card muted">工作台仅供政协工作人员使用。如需开通，请联系管理员获取邀请码。</View>
      </Screen>
    );
  }

  return (
    <Screen tab="staff" wide>
      <View className="staff-head row">
        <View>
          <View className="card-title">群众诉求</View>
          <View className="muted">
            {me?.scopes?.length ? me.scopes.map((s) => s.name).join('、') : (me?.unit?.name ?? '')}
          </View>
        </View>
        <View className="spacer" />
        <Button
          size="small"
          type="primary"
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: '/staff/invitations/index' })}
        >
          邀请码管理
        </Button>
      </View>

      <View className="staff-summary">
        <View className="staff-summary__item">
          <View className="staff-summary__num">{all}</View>
          <View className="muted">收集</View>
        </View>
        <View className="staff-summary__item">
          <View className="staff-summary__num">{(counts.replied ?? 0) + (counts.closed ?? 0)}</View>
          <View className="muted">已答复</View>
        </View>
        <View className="staff-summary__item">
          <View className="staff-summary__num staff-summary__num--warn">{counts.submitted ?? 0}</View>
          <View className="muted">待受理</View>
        </View>
      </View>

      <Tabs
        className="staff-tabs"
        value={filter}
        activeType="line"
        duration={0}
        onChange={(v) => setFilter(v as Filter)}
      >
        <Tabs.TabPane title={`全部 ${all}`} value="all" />
        {CONCERN_STATUSES.map((s) => (
          <Tabs.TabPane key={s} title={`${CONCERN_STATUS_LABELS[s]} ${counts[s] ?? 0}`} value={s} />
        ))}
      </Tabs>

      <View className="staff-list">
        {list.items.map((c) => (
          <View key={c._id} className="card staff-row">
            <View className="row">
              <Text className="staff-row__title">{c.title}</Text>
              <StatusChip status={c.status} />
            </View>
            <View className="staff-row__meta">
              <Text className="staff-row__cat">{c.category}</Text>
              {c.workstationName ? <Text className="muted">{c.workstationName}</Text> : null}
            </View>
            <View className="row muted">
              <Text>{c.submitter || '群众'}</Text>
              {c.phone ? <Text style={{ marginLeft: '12px' }}>{c.phone}</Text> : null}
              <View className="spacer" />
              <Text>{formatChinaTime(c.createdAt)}</Text>
            </View>
          </View>
        ))}
        <ListState
          list={list}
          emptyText={filter === 'all' ? '暂无诉求' : `暂无「${CONCERN_STATUS_LABELS[filter]}」的诉求`}
        />
      </View>
    </Screen>
  );
}
