import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import type { NoticeOption } from '@lxq/types';

/**
 * Sectors, committees or workstations of several units, grouped by unit (the option's note), each
 * group with 全选 / 清除, filtered by the composer's search words: not one wall of 60 chips.
 */
export function TargetGroups(p: {
  options: NoticeOption[];
  chosen: string[];
  filter: string;
  onToggle: (o: NoticeOption) => void;
  onSet: (ids: string[], on: boolean, names: Record<string, string>) => void;
}) {
  const groups = useMemo(() => {
    const words = p.filter.trim();
    const out = new Map<string, NoticeOption[]>();
    for (const o of p.options) {
      if (words && !o.name.includes(words) && !o.note.includes(words)) continue;
      out.set(o.note, [...(out.get(o.note) ?? []), o]);
    }
    return [...out.entries()];
  }, [p.options, p.filter]);
  if (!groups.length) return <View className="muted">{p.filter ? `没有名称含「${p.filter}」的对象` : '暂无'}</View>;
  return (
    <View className="tgroups">
      {groups.map(([unit, list]) => {
        const on = list.filter((o) => p.chosen.includes(o._id)).length;
        const names = Object.fromEntries(list.map((o) => [o._id, o.name]));
        return (
          <View key={unit || 'none'} className="tgroups__group">
            <View className="tgroups__head">
              <Text className="tgroups__unit">{unit || '本单位'}</Text>
              <Text className="muted">
                已选 {on} / {list.length}
              </Text>
              <View className="spacer" />
              {on < list.length ? (
                <Text
                  className="tgroups__all"
                  onClick={() =>
                    p.onSet(
                      list.map((o) => o._id),
                      true,
                      names,
                    )
                  }
                >
                  全选
                </Text>
              ) : null}
              {on > 0 ? (
                <Text
                  className="tgroups__all"
                  onClick={() =>
                    p.onSet(
                      list.map((o) => o._id),
                      false,
                      names,
                    )
                  }
                >
                  清除
                </Text>
              ) : null}
            </View>
            <View className="pick">
              {list.map((o) => (
                <Text
                  key={o._id}
                  className={`pick__item ${p.chosen.includes(o._id) ? 'pick__item--on' : ''}`}
                  onClick={() => p.onToggle(o)}
                >
                  {o.name}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
