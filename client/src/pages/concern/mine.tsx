import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ListState } from '../../components/ListState';
import { Screen } from '../../components/Screen';
import { StatusChip } from '../../components/StatusChip';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import { formatChinaTime } from '../../utils/time';
import './mine.scss';

export default function MyConcernsPage() {
  const list = usePaged('concern.listMine', {}, { pageSize: 20 });

  return (
    <Screen tab="mine">
      <View className="section-title">我提交的诉求{list.total ? `（${list.total}）` : ''}</View>
      {list.items.map((c) => (
        <View
          key={c._id}
          className="card concern-row"
          onClick={() => void Taro.navigateTo({ url: `/pages/concern/detail?id=${c._id}` })}
        >
          <View className="row">
            <Text className="concern-row__title">{c.title}</Text>
            {c.unread ? <Text className="concern-row__news">有新进展</Text> : null}
            <StatusChip status={c.status} />
          </View>
          <View className="muted concern-row__meta">
            {c.category}
            {c.workstationName ? ` · ${c.workstationName}` : ''}
          </View>
          <View className="muted">{formatChinaTime(c.createdAt)}</View>
        </View>
      ))}
      <ListState
        list={list}
        emptyText="您还没有提交过诉求"
        emptyAction={
          <View style={{ textAlign: 'center', marginTop: '8px' }}>
            <Button type="primary" size="small" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
              去反映诉求
            </Button>
          </View>
        }
      />
    </Screen>
  );
}
