import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ListState } from '../../components/ListState';
import { RecordCard } from '../../components/LiaisonParts';
import { Screen } from '../../components/Screen';
import { usePaged } from '../../hooks/usePaged';
import './liaison.scss';

/** The records of one pairing (结对帮扶), newest first. */
export default function PairingRecordsPage() {
  const { params } = useRouter();
  const list = usePaged('liaison.mine', { pairingId: params.id ?? '' }, { pageSize: 20 });
  return (
    <Screen>
      <View className="section-title">{decodeURIComponent(params.name ?? '')} · 帮扶记录</View>
      {list.items.map((r) => (
        <RecordCard key={r._id} r={r} />
      ))}
      <ListState list={list} emptyText="还没有这位结对对象的帮扶记录；记联系记录时选中结对对象即可" />
    </Screen>
  );
}
