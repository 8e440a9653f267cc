import { useEffect, useState } from 'react';
import { Map, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { ListState } from '../../components/ListState';
import { Screen } from '../../components/Screen';
import { usePaged } from '../../hooks/usePaged';
import { currentLocation, locationMessage, type Point } from '../../services/location';
import { Button } from '../../ui/button';
import { StationList } from './StationList';
import './index.scss';

const km = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} 公里` : `${m} 米`);

/** Stations near the phone, nearest first; distances come from the server. */
export default function NearPage() {
  // From the home hero's 我要反映: a tapped station opens its form straight away.
  const thenSubmit = useRouter().params.then === 'submit';
  const open = (w: { _id: string; name: string }) =>
    void Taro.navigateTo({
      url: thenSubmit
        ? `/pages/concern/submit?workstationId=${w._id}&name=${encodeURIComponent(w.name)}&source=home`
        : `/pages/workstation/index?id=${w._id}`,
    });
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
      {thenSubmit ? <View className="muted near-hint">选择要反映给哪个工作站</View> : null}
      {error ? (
        <>
          {/* Without a location the list still finds a station: by county, or by a word. */}
          <View className="card row near-denied">
            <Text className="muted near-denied__text">{error}，可以按地区或名称查找：</Text>
            <Button size="small" onClick={locate}>
              重新定位
            </Button>
          </View>
          <StationList onPick={open} />
        </>
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
              if (w) open(w);
            }}
            onError={() => undefined}
          />
        </View>
      ) : null}
      {list.items.map((w) => (
        <View key={w._id} className="card" onClick={() => open(w)}>
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
