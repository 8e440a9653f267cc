import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { ListState } from '../../components/ListState';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { StationTable } from './StationTable';
import { useMe } from '../../hooks/useMe';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';

export default function WorkstationsPage() {
  const { me } = useMe();
  const unitId = me?.unit?._id;
  const desktop = useDesktop();
  const list = usePaged('org.listWorkstations', { unitId }, { key: unitId ?? '', enabled: !!unitId && !desktop });
  useDidShow(() => {
    if (unitId && !desktop) void list.reload();
  });
  const go = (url: string) => void Taro.navigateTo({ url });
  if (desktop) {
    return (
      <StaffScreen
        actions={
          <Button type="primary" size="small" onClick={() => go('/staff/workstations/edit')}>
            新建工作站
          </Button>
        }
      >
        {unitId ? <StationTable unitId={unitId} /> : null}
      </StaffScreen>
    );
  }
  return (
    <StaffScreen wide>
      <View className="row" style={{ margin: '8px 8px 24px' }}>
        <Text className="card-title">本单位的工作站（{list.total}）</Text>
        <View className="spacer" />
        <Button type="primary" size="small" onClick={() => go('/staff/workstations/edit')}>
          新建工作站
        </Button>
      </View>
      {list.items.map((w) => (
        <View key={w._id} className="card">
          <View className="card-title">{w.name}</View>
          <View className="muted">
            {WORKSTATION_KIND_LABELS[w.kind]} · {w.address}
          </View>
          <View className="row" style={{ gap: '32px', marginTop: '16px' }}>
            <Text className="link" onClick={() => go(`/staff/workstations/edit?id=${w._id}`)}>
              编辑
            </Text>
            <Text className="link" onClick={() => go(`/staff/workstations/qr?id=${w._id}`)}>
              二维码与海报
            </Text>
            {w.kind !== 'report_point' ? (
              <Text className="link" onClick={() => go(`/staff/workstations/tablet?id=${w._id}`)}>
                平板签到码
              </Text>
            ) : null}
          </View>
        </View>
      ))}
      <ListState list={list} emptyText="还没有工作站" />
    </StaffScreen>
  );
}
