import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { AssigneeOption } from '@lxq/types';
import { Input } from '../../ui/input';
import './AssignPicker.scss';

/**
 * Choosing whom to hand a concern to among dozens: a search over name, 界别, title and station,
 * members grouped by 界别 with who is on duty today and how many cases each has in hand.
 */
export function AssignPicker(p: { options: AssigneeOption[]; chosen: string; onChoose: (id: string) => void }) {
  const [q, setQ] = useState('');
  const groups = useMemo(() => {
    const words = q.trim();
    const hit = (o: AssigneeOption) =>
      !words || [o.name, o.detail, o.group ?? '', ...(o.stations ?? [])].some((t) => t.includes(words));
    const out = new Map<string, AssigneeOption[]>();
    for (const o of p.options.filter(hit)) {
      const g = o.kind === 'member' ? o.group || '未分界别' : '';
      out.set(g, [...(out.get(g) ?? []), o]);
    }
    return [...out.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
  }, [p.options, q]);

  return (
    <View className="picker">
      <View className="picker__search">
        <Input value={q} placeholder="搜索姓名、界别、工作站" clearable onChange={setQ} />
      </View>
      <View className="picker__list" role="listbox" aria-label="交办对象">
        {groups.map(([group, items]) => (
          <View key={group || 'all'}>
            {group ? (
              <View className="picker__group">
                {group} · {items.length} 人
              </View>
            ) : null}
            {items.map((o) => (
              <View
                key={o.id}
                className={`picker__option ${o.id === p.chosen ? 'picker__option--on' : ''}`}
                role="option"
                aria-selected={o.id === p.chosen}
                // Reachable by Tab on a PC (the view's typing lacks the attribute the browser takes).
                {...({ tabIndex: 0 } as object)}
                onClick={() => p.onChoose(o.id)}
              >
                <View className="picker__line">
                  <Text className="picker__name">{o.name}</Text>
                  {o.onDutyAt ? <Text className="picker__duty">今日值班 · {o.onDutyAt}</Text> : null}
                  <View className="spacer" />
                  {o.openCases != null ? (
                    <Text className={o.openCases ? 'picker__busy' : 'muted'}>在办 {o.openCases} 件</Text>
                  ) : null}
                </View>
                <View className="muted picker__detail">
                  {[o.detail, ...(o.stations ?? [])].filter(Boolean).join(' · ')}
                </View>
              </View>
            ))}
          </View>
        ))}
        {!groups.length ? <View className="muted">没有符合「{q}」的对象</View> : null}
      </View>
    </View>
  );
}
