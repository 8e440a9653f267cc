import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { LIMITS } from '@lxq/types/limits';
import { choosePlace, currentLocation, locationMessage, openMap, placeLabel, type Place } from '../services/location';
import { Button } from '../ui/button';
import { Input } from '../ui/input';

/**
 * Where the problem is, as a place name. On WeChat the map picker names it; in the browser the
 * person types the name and the phone's position is attached (no map service offline).
 */
export function PlaceField(p: { value: Place | null; onChange: (v: Place | null) => void }) {
  const [busy, setBusy] = useState(false);
  const [typing, setTyping] = useState(false);
  const [name, setName] = useState('');

  const pick = async () => {
    setBusy(true);
    try {
      const place = await choosePlace();
      if (place) p.onChange(place);
      else setTyping(true);
    } catch (e) {
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) {
        void Taro.showToast({ title: locationMessage(e), icon: 'none' });
      }
    } finally {
      setBusy(false);
    }
  };

  const confirmTyped = async () => {
    const label = name.trim().slice(0, LIMITS.concernPlace.max);
    if (!label) {
      void Taro.showToast({ title: '请填写地点名称', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      const at = await currentLocation();
      p.onChange({ name: label, address: '', latitude: at.lat, longitude: at.lng });
      setTyping(false);
      setName('');
    } catch (e) {
      void Taro.showToast({ title: `${locationMessage(e)}；也可以把地点写在具体内容里`, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  if (p.value) {
    return (
      <View className="place">
        <View className="place__text">
          <View className="place__name">{placeLabel(p.value)}</View>
          {p.value.address && p.value.name ? <View className="muted">{p.value.address}</View> : null}
        </View>
        <View className="place__actions">
          <Button size="small" onClick={() => openMap(p.value as Place)}>
            查看地图
          </Button>
          <Button size="small" onClick={() => p.onChange(null)}>
            清除
          </Button>
        </View>
      </View>
    );
  }
  if (typing) {
    return (
      <View className="place place--typing">
        <Input
          value={name}
          maxLength={LIMITS.concernPlace.max}
          placeholder="地点名称，例如：公园路与北京路交叉口"
          onChange={setName}
        />
        <View className="place__actions">
          <Button size="small" type="primary" loading={busy} onClick={() => void confirmTyped()}>
            确定
          </Button>
          <Button size="small" onClick={() => setTyping(false)}>
            取消
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className="place">
      <Text className="muted place__text">未选择</Text>
      <Button size="small" loading={busy} onClick={() => void pick()}>
        {process.env.TARO_ENV === 'weapp' ? '在地图上选择' : '填写地点'}
      </Button>
    </View>
  );
}
