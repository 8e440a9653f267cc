import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { ListState } from '../../components/ListState';
import { useQuery } from '../../hooks/useQuery';
import { usePaged } from '../../hooks/usePaged';
import { Input } from '../../ui/input';

/** "政协会宁县委员会" → "会宁县": what a person calls the place. */
const placeOf = (unitName: string) => unitName.replace(/^政协/, '').replace(/委员会$/, '');

/**
 * Every station, by county and by a word of its name or address: how someone who will not (or
 * cannot) share their location still finds one. `onPick` opens it.
 */
export function StationList(p: { onPick: (w: { _id: string; name: string }) => void }) {
  const units = useQuery('org.listUnits', {});
  const [unitId, setUnitId] = useState('');
  const [q, setQ] = useState('');
  const list = usePaged('org.listWorkstations', unitId ? { unitId } : {}, { pageSize: 50, key: unitId });
  const counties = (units.data?.items ?? []).filter((u) => u.level === 'county' || u.level === 'city');
  const word = q.trim();
  const shown = word ? list.items.filter((w) => w.name.includes(word) || w.address.includes(word)) : list.items;

  return (
    <View>
      <View className="card">
        <Input value={q} placeholder="搜索工作站名称或地址，例如：会师" onChange={setQ} />
        <View className="county-chips">
          {[{ _id: '', name: '全部' }, ...counties].map((u) => (
            <Text
              key={u._id}
              className={`county-chip ${u._id === unitId ? 'county-chip--on' : ''}`}
              onClick={() => setUnitId(u._id)}
            >
              {u._id === unitId ? '✓ ' : ''}
              {u._id ? placeOf(u.name) : u.name}
            </Text>
          ))}
        </View>
      </View>
      {shown.map((w) => (
        <View key={w._id} className="card" onClick={() => p.onPick(w)}>
          <Text className="card-title">{w.name}</Text>
          <View className="muted">
            {WORKSTATION_KIND_LABELS[w.kind]} · {w.address}
          </View>
        </View>
      ))}
      {word && !shown.length && !list.loading ? (
        <View className="list-footer">没有找到“{word}”，换个词试试</View>
      ) : (
        <ListState list={list} emptyText="暂无工作站" />
      )}
      {process.env.TARO_ENV === 'weapp' ? (
        <View className="list-footer">
          <Text className="link" onClick={() => void Taro.openSetting({})}>
            去设置里允许定位 ›
          </Text>
        </View>
      ) : null}
    </View>
  );
}
