import { useEffect, useState } from 'react';
import { Map, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { ListState } from '../../components/ListState';
import { Screen } from '../../components/Screen';
import { usePaged } from '../../hooks/usePaged';
import { currentLocation, locationMessage, type Point } from '../../services/location';
import { Button } from '../../ui/button';
import './index.scss';

const km = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} 公里` : `${m} 米`);

/** Stations near the phone, nearest first; distances come from the server. */
export default function NearPage() {
  const [where, setWhere] = useState<Point | null>(null);
  const [error, setError] = useState('');
  const locate = () => {
    setError('');
    currentLocation().then(setWhere, (e) => setError(locationMessage(e)));
  };
  useEffect(locate, []);
  const list = usePaged(
    'org.nearWorkstations',
    { location: where ?? { lat: 0, lng: 0 } },
    {
      key: where ? `${where.lat},${where.lng}` : '',
      enabled: !!where,
    },
  );
  return (
    <Screen>
      {error ? (
        <View className="card" style={{ textAlign: 'center' }}>
          <View className="muted" style={{ marginBottom: '12px' }}>
            {error}
          </View>
          <Button size="small" onClick={locate}>
            重新定位
          </Button>
        </View>
      ) : !where ? (
        <View className="card muted">正在定位…</View>
      ) : null}
      {process.env.TARO_ENV === 'weapp' && where && list.items.length ? (
        <View className="card card--flush">
          <Map
            className="wsd__map"
            latitude={where.lat}
            longitude={where.lng}
            scale={12}
            showLocation
            markers={list.items.map((w, i) => ({
              id: i,
              latitude: w.location.lat,
              longitude: w.location.lng,
              title: w.name,
              width: 24,
              height: 32,
              iconPath: '',
            }))}
            onMarkerTap={(e) => {
              const w = list.items[Number((e.detail as { markerId?: number }).markerId)];
              if (w) void Taro.navigateTo({ url: `/pages/workstation/index?id=${w._id}` });
            }}
            onError={() => undefined}
          />
        </View>
      ) : null}
      {list.items.map((w) => (
        <View
          key={w._id}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/pages/workstation/index?id=${w._id}` })}
        >
          <View className="row">
            <Text className="card-title">{w.name}</Text>
            <View className="spacer" />
            <Text className="near-item__distance">{km(w.distance)}</Text>
          </View>
          <View className="muted">
            {WORKSTATION_KIND_LABELS[w.kind]} · {w.address}
          </View>
        </View>
      ))}
      {where ? <ListState list={list} emptyText="附近 80 公里内没有工作站" /> : null}
    </Screen>
  );
}
