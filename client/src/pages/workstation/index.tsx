import { Image, Map, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { Chip } from '../../components/Chip';
import { LoadFailed } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../hooks/useQuery';
import { openMap } from '../../services/location';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { OnDuty } from './OnDuty';
import { StationTopics } from './StationTopics';
import './index.scss';

export default function WorkstationPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : undefined;
  const scene = params.scene ? decodeURIComponent(params.scene) : undefined;
  const q = useQuery('org.getWorkstation', id || scene ? { workstationId: id, scene } : null, `${id}|${scene}`);
  const ws = q.data;
  // Someone who came by a friend's shared card is counted as `share`, by the station's QR as `qr`.
  const arrivedBy = scene ? 'qr' : params.source === 'share' ? 'share' : 'home';

  // The card a citizen forwards: the station's name over its photo (WeChat shows the page itself
  // when the station has none).
  useShareAppMessage(() => ({
    title: ws ? `${ws.name}：有意见建议，找委员反映` : '连心桥：有意见建议，找委员反映',
    path: `/pages/workstation/index?id=${ws?._id ?? id ?? ''}&source=share`,
    ...(ws?.photoUrl ? { imageUrl: ws.photoUrl } : {}),
  }));

  const submit = () => {
    if (!ws) return;
    const source = arrivedBy;
    void Taro.navigateTo({
      url: `/pages/concern/submit?workstationId=${ws._id}&name=${encodeURIComponent(ws.name)}&source=${source}`,
    });
  };

  if (!id && !scene) {
    return (
      <Screen>
        <View className="card muted">没有指定工作站，请从首页选择。</View>
      </Screen>
    );
  }

  return (
    <Screen>
      {q.loading && !ws ? (
        <View className="list-footer">
          <Loading>加载中…</Loading>
        </View>
      ) : q.error && !ws ? (
        <LoadFailed message={q.error.message} onRetry={() => void q.reload()} />
      ) : ws ? (
        <>
          {ws.photoUrl ? (
            <View className="card card--flush">
              <Image className="wsd__photo" src={ws.photoUrl} mode="aspectFill" />
            </View>
          ) : null}
          <View className="card">
            <Chip>{WORKSTATION_KIND_LABELS[ws.kind] ?? ws.kind}</Chip>
            <View className="wsd__name">{ws.name}</View>
            {ws.unitName ? <View className="muted">{ws.unitName}</View> : null}
          </View>
          <View className="card">
            <View className="wsd__row">
              <Text className="wsd__key">地址</Text>
              <Text className="wsd__val">{ws.address || '—'}</Text>
            </View>
            <View className="wsd__row">
              <Text className="wsd__key">开放时间</Text>
              <Text className="wsd__val">{ws.openingHours || '—'}</Text>
            </View>
            <View className="wsd__row">
              <Text className="wsd__key">负责人</Text>
              <Text className="wsd__val">{ws.headName || '—'}</Text>
            </View>
            {ws.phone ? (
              <View className="wsd__row">
                <Text className="wsd__key">联系电话</Text>
                <Text
                  className="wsd__val link wsd__phone"
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: ws.phone }).catch(() => undefined)}
                >
                  {ws.phone}
                </Text>
              </View>
            ) : null}
          </View>
          <StationMap name={ws.name} address={ws.address} lat={ws.location.lat} lng={ws.location.lng} />
          {ws.kind !== 'report_point' ? <OnDuty workstationId={ws._id} /> : null}
          <StationTopics workstationId={ws._id} />
          <View className="wsd__cta">
            <Button type="primary" block size="large" onClick={submit}>
              在此反映诉求
            </Button>
            <View className="muted wsd__note">您的诉求会交给本工作站，由委员和工作人员跟进答复。</View>
          </View>
        </>
      ) : null}
    </Screen>
  );
}

/** The station on a map: the native map on WeChat; in the browser, a button to open it. */
function StationMap(p: { name: string; address: string; lat: number; lng: number }) {
  const open = () => openMap({ name: p.name, address: p.address, latitude: p.lat, longitude: p.lng });
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className="card card--flush">
        <Map
          className="wsd__map"
          latitude={p.lat}
          longitude={p.lng}
          scale={16}
          markers={[{ id: 1, latitude: p.lat, longitude: p.lng, title: p.name, width: 28, height: 36, iconPath: '' }]}
          onTap={open}
          onError={() => undefined}
        />
      </View>
    );
  }
  return (
    <View className="card row near-denied">
      <Text className="muted near-denied__text">{p.address || p.name}</Text>
      <Text className="link nowrap wsd__maplink" onClick={open}>
        查看地图 ›
      </Text>
    </View>
  );
}
