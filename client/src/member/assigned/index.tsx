import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ListState } from '../../components/ListState';
import { Screen } from '../../components/Screen';
import { StatusChip } from '../../components/StatusChip';
import { usePaged } from '../../hooks/usePaged';
import { Tabs } from '../../ui/tabs';
import { formatChinaTime } from '../../utils/time';

/** 分派给我: the concerns staff assigned to this member, in hand or already answered. */
export default function AssignedPage() {
  const [done, setDone] = useState(false);
  const list = usePaged('concern.listAssigned', { done }, { pageSize: 20, key: String(done) });
  return (
    <Screen>
      <Tabs value={done ? 'done' : 'open'} activeType="line" duration={0} onChange={(v) => setDone(v === 'done')}>
        <Tabs.TabPane title="待办理" value="open" />
        <Tabs.TabPane title="已答复" value="done" />
      </Tabs>
      {list.items.map((c) => (
        <View
          key={c._id}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/member/assigned/detail?id=${c._id}` })}
        >
          <View className="row">
            <Text style={{ fontWeight: 600, flex: 1 }}>{c.title}</Text>
            <StatusChip status={c.status} />
          </View>
          <View className="muted">
            {c.category}
            {c.workstationName ? ` · ${c.workstationName}` : ''}
          </View>
          <View className="row muted">
            <Text>{formatChinaTime(c.createdAt)}</Text>
            <View className="spacer" />
            {c.dueAt ? (
              <Text style={{ color: c.overdue ? '#b4282d' : undefined }}>
                {c.overdue ? '已超期 ' : '期限 '}
                {formatChinaTime(c.dueAt, 'MM-DD')}
              </Text>
            ) : null}
          </View>
        </View>
      ))}
      <ListState list={list} emptyText={done ? '还没有答复过的诉求' : '暂无分派给您的诉求'} />
    </Screen>
  );
}
