import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { ListState } from '../../components/ListState';
import { RecordCard } from '../../components/LiaisonParts';
import { Screen } from '../../components/Screen';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import './liaison.scss';

/** 联系记录: the member's own records, newest first, and the way to log one. */
export default function LiaisonHomePage() {
  const list = usePaged('liaison.mine', {}, { pageSize: 20 });
  // Coming back from the form: show the new record.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.reload();
    shown.current = true;
  });
  const go = (url: string) => void Taro.navigateTo({ url });

  return (
    <Screen>
      <Button type="primary" block onClick={() => go('/member/liaison/log')}>
        + 记一条联系记录
      </Button>
      <View className="liaison-actions" style={{ marginTop: '24px' }}>
        <Button size="small" onClick={() => go('/member/record/index')}>
          我的成绩单
        </Button>
        <Button size="small" onClick={() => go('/member/liaison/contacts')}>
          联系点与联系人
        </Button>
        <Button size="small" onClick={() => go('/member/liaison/grid')}>
          我联系的委员
        </Button>
        <Button size="small" onClick={() => go('/member/liaison/propose')}>
          推荐协商议题
        </Button>
      </View>
      <View className="section-title">我的联系记录{list.total ? <Text> · 共 {list.total} 条</Text> : null}</View>
      {list.items.map((r) => (
        <RecordCard key={r._id} r={r} />
      ))}
      <ListState list={list} emptyText="还没有联系记录，点上方按钮记第一条" />
    </Screen>
  );
}
