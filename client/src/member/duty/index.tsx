import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ListState } from '../../components/ListState';
import { Screen } from '../../components/Screen';
import { usePaged } from '../../hooks/usePaged';
import { Tabs } from '../../ui/tabs';
import { ShiftCard } from './ShiftCard';
import './index.scss';

type When = 'upcoming' | 'past';

export default function MyDutyPage() {
  const [when, setWhen] = useState<When>('upcoming');
  const list = usePaged('duty.myShifts', { when }, { key: when });
  return (
    <Screen>
      <Tabs value={when} onChange={(v) => setWhen(v as When)}>
        <Tabs.TabPane title="即将值班" value="upcoming" />
        <Tabs.TabPane title="已结束" value="past" />
      </Tabs>
      <View className="duty-links">
        <Text className="link" onClick={() => void Taro.navigateTo({ url: '/member/duty/requests' })}>
          请假与调班申请 ›
        </Text>
      </View>
      {list.items.map((s) => (
        <ShiftCard key={s._id} shift={s} onChanged={() => void list.reload()} />
      ))}
      <ListState list={list} emptyText={when === 'upcoming' ? '暂无值班安排' : '还没有值过班'} />
    </Screen>
  );
}
