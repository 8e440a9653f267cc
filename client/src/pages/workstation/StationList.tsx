import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { ListState } from '../../components/ListState';
import { usePaged } from '../../hooks/usePaged';
import { Input } from '../../ui/input';

/**
 * The county-level place (县 or 区) in a Chinese address: "甘肃省白银市会宁县会师镇…" → "会宁县".
 * What a person looks for, read from the stations' own addresses (the unit tree is staff-only).
 */
const countyOf = (address: string) => /(?:省|市)([^省市县区]{1,5}?[县区])/.exec(address)?.[1] ?? '';

/**
 * Every station, by county and by a word of its name or address: how someone who will not (or
 * cannot) share their location still finds one. `onPick` opens it.
 */
export function StationList(p: { onPick: (w: { _id: string; name: string }) => void }) {
  const [county, setCounty] = useState('');
  const [q, setQ] = useState('');
  const list = usePaged('org.listWorkstations', {}, { pageSize: 50 });
  const counties = [...new Set(list.items.map((w) => countyOf(w.address)).filter(Boolean))];
  const word = q.trim();
  const shown = list.items.filter(
    (w) => (!county || countyOf(w.address) === county) && (!word || w.name.includes(word) || w.address.includes(word)),
  );

  return (
    <View>
      <View className="card">
        <Input value={q} placeholder="搜索工作站名称或地址，例如：会师" onChange={setQ} />
        <View className="county-chips">
          {['', ...counties].map((c) => (
            <Text
              key={c}
              className={`county-chip ${c === county ? 'county-chip--on' : ''}`}
              onClick={() => setCounty(c)}
            >
              {c === county ? '✓ ' : ''}
              {c || '全部'}
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
      {(word || county) && !shown.length && !list.loading ? (
        <View className="list-footer">没有找到{word ? `“${word}”` : ''}，换个词或地区试试</View>
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
