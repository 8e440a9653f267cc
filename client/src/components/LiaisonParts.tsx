import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LiaisonRecordView } from '@lxq/types';
import { LIAISON_CHANNEL_LABELS, occasionLabel } from '@lxq/types/domain/liaison';
import { formatChinaTime } from '../utils/time';
import './LiaisonParts.scss';

/** Tappable chips: one choice (or none when `allowNone`), or several with `multi`. */
export function Choices<T extends string>(p: {
  options: readonly T[];
  labels?: Partial<Record<T, string>>;
  value: T[];
  onChange: (v: T[]) => void;
  multi?: boolean;
  allowNone?: boolean;
}) {
  const toggle = (o: T) => {
    const on = p.value.includes(o);
    if (p.multi) p.onChange(on ? p.value.filter((v) => v !== o) : [...p.value, o]);
    else p.onChange(on && p.allowNone ? [] : [o]);
  };
  return (
    <View className="choices">
      {p.options.map((o) => (
        <Text
          key={o}
          className={`choices__item ${p.value.includes(o) ? 'choices__item--on' : ''}`}
          onClick={() => toggle(o)}
        >
          {p.labels?.[o] ?? o}
        </Text>
      ))}
    </View>
  );
}

/** What a record fed, as a phrase: the report once submitted, the proposal once filed. */
export const FED_LABELS = { report: '已形成社情民意信息', proposal: '已形成提案' } as const;

/** One liaison record as a card: when, where, how many, what was done, photos. */
export function RecordCard({ r, showMember }: { r: LiaisonRecordView; showMember?: boolean }) {
  const preview = (url: string) =>
    void Taro.previewImage({ current: url, urls: r.photos.map((p) => p.url).filter(Boolean) });
  return (
    <View className="card record-card">
      <View className="row">
        <Text className="record-card__date">{formatChinaTime(r.date, 'YYYY年M月D日 HH:mm')}</Text>
        <View className="spacer" />
        <Text className="chip chip--red">{LIAISON_CHANNEL_LABELS[r.channel]}</Text>
      </View>
      {showMember ? (
        <View className="record-card__member">
          {r.memberName}
          {r.sectorName ? <Text className="muted"> · {r.sectorName}</Text> : null}
        </View>
      ) : null}
      <View className="record-card__place">{r.place}</View>
      <View className="record-card__meta muted">
        联系 {r.personTimes} 人次
        {r.groups.length ? ` · ${r.groups.join('、')}` : ''}
        {r.services.length ? ` · ${r.services.join('、')}` : ''}
      </View>
      {r.occasion ? <View className="record-card__occasion">八必访：{occasionLabel(r.occasion)}</View> : null}
      <View className="record-card__summary">{r.summary}</View>
      {r.contactNames.length || r.pairingName ? (
        <View className="muted">
          {r.contactNames.length ? `联系人：${r.contactNames.join('、')}` : ''}
          {r.pairingName ? `${r.contactNames.length ? ' · ' : ''}结对：${r.pairingName}` : ''}
        </View>
      ) : null}
      {r.concernIds.length ? (
        <View className="record-card__concerns">已转 {r.concernIds.length} 条诉求办理</View>
      ) : null}
      {r.fed.map((f) => (
        <View key={f._id} className="record-card__concerns record-card__fed">
          {FED_LABELS[f.kind]}「{f.title}」
        </View>
      ))}
      {r.photos.length ? (
        <View className="record-card__photos">
          {r.photos.map((p) =>
            p.url ? (
              <Image
                key={p.fileID}
                className="record-card__photo"
                src={p.url}
                mode="aspectFill"
                onClick={() => preview(p.url)}
              />
            ) : null,
          )}
        </View>
      ) : null}
    </View>
  );
}

/** A horizontal bar: value against a target, drawn with Views (no chart library in the bundle). */
export function ProgressBar({ value, target, label }: { value: number; target: number; label: string }) {
  const pct = target > 0 ? Math.min(100, Math.round((value / target) * 100)) : 100;
  const done = value >= target;
  return (
    <View className="pbar">
      <View className="row pbar__head">
        <Text>{label}</Text>
        <View className="spacer" />
        <Text className={done ? 'pbar__num pbar__num--done' : 'pbar__num'}>
          {value} / {target}
        </Text>
      </View>
      <View className="pbar__track">
        <View className={done ? 'pbar__fill pbar__fill--done' : 'pbar__fill'} style={{ width: `${pct}%` }} />
      </View>
    </View>
  );
}
