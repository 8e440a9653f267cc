import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { ListState } from '../../components/ListState';
import { Chip } from '../../components/Chip';
import { Screen } from '../../components/Screen';
import { usePaged } from '../../hooks/usePaged';
import './index.scss';

export default function HomePage() {
  const { params } = useRouter();
  const scene = params.scene ? decodeURIComponent(params.scene) : '';

  // A workstation QR code opens the mini-program here with its scene: go straight to that station.
  useEffect(() => {
    if (scene) void Taro.navigateTo({ url: `/pages/workstation/index?scene=${encodeURIComponent(scene)}` });
  }, [scene]);

  const list = usePaged('org.listWorkstations', {}, { pageSize: 20 });

  return (
    <Screen tab="home">
      <View className="hero">
        <View className="hero__title">连心桥</View>
        <View className="hero__sub">委员联系界别群众</View>
        <View className="hero__text">有意见建议，就近找委员工作站，或在这里直接反映。</View>
        <View
          className="hero__cta"
          onClick={() => void Taro.navigateTo({ url: '/pages/workstation/near?then=submit' })}
        >
          我要反映
        </View>
      </View>

      <View className="section-title row">
        <Text>委员工作站{list.total ? `（${list.total}）` : ''}</Text>
        <View className="spacer" />
        <Text className="link" onClick={() => void Taro.navigateTo({ url: '/pages/workstation/near' })}>
          附近的工作站 ›
        </Text>
      </View>
      {list.items.map((w) => (
        <View
          key={w._id}
          className="card ws"
          onClick={() => void Taro.navigateTo({ url: `/pages/workstation/index?id=${w._id}` })}
        >
          <View className="row">
            <Text className="card-title ws__name">{w.name}</Text>
            <Chip>{WORKSTATION_KIND_LABELS[w.kind] ?? w.kind}</Chip>
          </View>
          <View className="muted ws__line">{w.address}</View>
          {w.openingHours ? <View className="muted">开放时间：{w.openingHours}</View> : null}
        </View>
      ))}
      <ListState list={list} emptyText="暂无工作站" />
    </Screen>
  );
}
