import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../services/call';

export interface SectorChoice {
  id: string;
  name: string;
}

/**
 * "反映给哪个界别（选填）": the sectors of the station's unit, loaded only when the person opens it
 * (most never do). The chosen sector's members see the concern as addressed to them.
 */
export function SectorPicker(p: {
  workstationId: string;
  value: SectorChoice | null;
  onChange: (v: SectorChoice | null) => void;
}) {
  const [sectors, setSectors] = useState<SectorChoice[] | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState(false);

  const load = async () => {
    setOpen(true);
    if (sectors) return;
    try {
      const ws = await call('org.getWorkstation', { workstationId: p.workstationId });
      const r = await call('org.listSectors', { unitId: ws.unitId });
      setSectors(r.items.map((s) => ({ id: s._id, name: s.name })));
    } catch {
      setError('界别列表没有加载出来，可以不选');
    }
  };

  if (!open) {
    return (
      <View className="sector-pick">
        <Text className={p.value ? '' : 'muted'}>{p.value ? p.value.name : '不指定（由工作站分派）'}</Text>
        <Text className="link sector-pick__open" onClick={() => void load()}>
          {p.value ? '更改' : '选择界别'}
        </Text>
      </View>
    );
  }
  return (
    <View>
      {error ? <View className="field__error">{error}</View> : null}
      {!sectors && !error ? <View className="muted">加载中…</View> : null}
      <View className="county-chips">
        {[{ id: '', name: '不指定' }, ...(sectors ?? [])].map((s) => {
          const on = (p.value?.id ?? '') === s.id;
          return (
            <Text
              key={s.id}
              className={`county-chip ${on ? 'county-chip--on' : ''}`}
              onClick={() => {
                p.onChange(s.id ? s : null);
                setOpen(false);
              }}
            >
              {on ? '✓ ' : ''}
              {s.name}
            </Text>
          );
        })}
      </View>
    </View>
  );
}
