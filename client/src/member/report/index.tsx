import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ListState } from '../../components/ListState';
import { ReportStatus } from '../../components/ReportParts';
import { Screen } from '../../components/Screen';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import { formatChinaTime } from '../../utils/time';

/** 我的社情民意: what the member drafted and where each stands, newest change first. */
export default function MyReportsPage() {
  const list = usePaged('report.listMine', {}, { pageSize: 20 });
  useDidShow(() => {
    if (list.last) void list.reload();
  });
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <Screen>
      <View className="card">
        <View className="muted">把群众反映的问题和联系群众中了解到的情况，整理成社情民意信息报送政协。</View>
        <Button
          type="primary"
          block
          className="report-new"
          onClick={() => void Taro.navigateTo({ url: '/member/report/new' })}
        >
          起草社情民意信息
        </Button>
      </View>
      {list.items.map((r) => (
        <View
          key={r._id}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/member/report/detail?id=${r._id}` })}
        >
          <View className="row" style={{ alignItems: 'flex-start', gap: '12px' }}>
            <Text style={{ fontWeight: 600, flex: 1, wordBreak: 'break-all' }}>{r.title}</Text>
            <ReportStatus status={r.status} />
          </View>
          <View className="muted">
            {r.adopted || (r.status === 'submitted' ? `在${r.atUnitName}审核中` : '')}
            {r.instructed ? ' · 获领导批示' : ''}
          </View>
          <View className="muted">更新于 {formatChinaTime(r.updatedAt)}</View>
        </View>
      ))}
      <ListState list={list} emptyText="还没有起草过社情民意信息" />
    </Screen>
  );
}
