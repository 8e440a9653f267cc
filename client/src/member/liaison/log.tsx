import { useEffect } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LiaisonChannel } from '@lxq/types';
import { CONCERN_CATEGORIES } from '@lxq/types/domain/concern';
import {
  LIAISON_CHANNEL_HINTS,
  LIAISON_CHANNEL_LABELS,
  LIAISON_CHANNELS,
  LIAISON_GROUP_SUGGESTIONS,
  LIAISON_OCCASION_CHOICES,
  LIAISON_SERVICE_SUGGESTIONS,
} from '@lxq/types/domain/liaison';
import { LIMITS } from '@lxq/types/limits';
import { Field } from '../../components/Field';
import { Choices } from '../../components/LiaisonParts';
import { PhotoPicker, type Photo } from '../../components/PhotoPicker';
import { Screen } from '../../components/Screen';
import { FormError } from '../../components/FormError';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import { useMutation } from '../../hooks/useMutation';
import { confirm } from '../../services/confirm';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { TextArea } from '../../ui/textarea';
import { formatChinaTime } from '../../utils/time';
import './liaison.scss';

interface Draft {
  date: string;
  time: string;
  channel: LiaisonChannel;
  occasion: string[];
  place: string;
  groups: string[];
  personTimes: string;
  services: string[];
  summary: string;
  photos: Photo[];
  contactIds: string[];
  pairingId: string[];
  concerns: { category: string; title: string; text: string }[];
}

/** Kept on the phone while the form is being filled, so a dropped network loses nothing. */
const DRAFT_KEY = 'lxq-liaison-draft';

const fresh = (): Draft => ({
  date: formatChinaTime(new Date(), 'YYYY-MM-DD'),
  time: formatChinaTime(new Date(), 'HH:mm'),
  channel: 'face',
  occasion: [],
  place: '',
  groups: [],
  personTimes: '',
  services: [],
  summary: '',
  photos: [],
  contactIds: [],
  pairingId: [],
  concerns: [],
});

/** Log a liaison record in a few taps: today, the last channel and recent places come pre-filled. */
export default function LiaisonLogPage() {
  const opts = useQuery('liaison.formOptions', {});
  const save = useMutation('liaison.log', { draft: { key: DRAFT_KEY, empty: fresh } });
  const { value: d, set, restored, dirty } = save.draft;
  const e = save.fieldErrors;
  useLeaveGuard(dirty);

  // Defaults from the member's own habits, once, unless a draft was restored.
  useEffect(() => {
    const o = opts.data;
    if (!o || dirty) return;
    save.draft.prefill({
      ...(o.lastChannel ? { channel: o.lastChannel } : {}),
      place: d.place || o.recentPlaces[0] || o.base?.name || '',
    });
    // Once, when the options arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opts.data]);

  const contacts = opts.data?.contacts ?? [];
  const recentFirst = [...contacts].sort(
    (a, b) => rank(opts.data?.recentContactIds, a.id) - rank(opts.data?.recentContactIds, b.id),
  );
  const pairings = opts.data?.pairings ?? [];
  // The member's unit may keep its own lists (issue 17); the built-in ones until the options arrive.
  const occasions = opts.data?.occasions ?? LIAISON_OCCASION_CHOICES;
  const categories: readonly string[] = opts.data?.categories ?? CONCERN_CATEGORIES;

  const submit = async () => {
    const done = await save.run({
      date: d.date,
      time: d.time,
      channel: d.channel,
      occasion: d.occasion[0] ?? null,
      place: d.place,
      groups: d.groups,
      personTimes: d.personTimes === '' ? Number.NaN : Number(d.personTimes),
      services: d.services,
      summary: d.summary,
      photos: d.photos.map((p) => p.fileID),
      contactIds: d.contactIds,
      pairingId: d.pairingId[0] ?? null,
      concerns: d.concerns,
    });
    if (done) {
      await Taro.showToast({
        title: done.concernIds.length ? `已记录，${done.concernIds.length} 条诉求已转办` : '已记录',
        icon: 'success',
      });
      setTimeout(() => void Taro.navigateBack(), 600);
    }
  };

  const discard = async () => {
    if (await confirm({ title: '清空草稿？', content: '已填写的内容将被清除', confirmText: '清空' }))
      save.draft.discard();
  };

  const concernAt = (i: number, patch: Partial<Draft['concerns'][number]>) =>
    set(
      'concerns',
      d.concerns.map((c, k) => (k === i ? { ...c, ...patch } : c)),
    );

  return (
    <Screen>
      {restored ? (
        <View className="banner-info row">
          <Text>已恢复上次未提交的草稿</Text>
          <View className="spacer" />
          <Text className="link" onClick={() => void discard()}>
            清空
          </Text>
        </View>
      ) : null}
      <View className="card">
        <View className="liaison-when row">
          <Field label="日期" required error={e.date}>
            <Picker
              mode="date"
              value={d.date}
              end={formatChinaTime(new Date(), 'YYYY-MM-DD')}
              onChange={(ev) => set('date', String(ev.detail.value))}
            >
              <View className="picker-value">{d.date}</View>
            </Picker>
          </Field>
          <Field label="时间" error={e.time}>
            <Picker mode="time" value={d.time} onChange={(ev) => set('time', String(ev.detail.value))}>
              <View className="picker-value">{d.time}</View>
            </Picker>
          </Field>
        </View>
        <Field label="联系渠道" required error={e.channel} hint={LIAISON_CHANNEL_HINTS[d.channel]}>
          <Choices
            options={LIAISON_CHANNELS}
            labels={LIAISON_CHANNEL_LABELS}
            value={[d.channel]}
            onChange={(v) => v[0] && set('channel', v[0])}
          />
        </Field>
        <Field label="联系地点或单位" required error={e.place}>
          <Input
            value={d.place}
            maxLength={LIMITS.liaisonPlace.max}
            placeholder="走访的社区、企业、单位"
            onChange={(v) => set('place', v)}
          />
        </Field>
        {opts.data?.recentPlaces.length ? (
          <View className="liaison-recent">
            <Text className="muted">最近：</Text>
            <Choices
              options={opts.data.recentPlaces}
              value={[d.place]}
              onChange={(v) => set('place', v[0] ?? d.place)}
            />
          </View>
        ) : null}
        <Field label="联系人次" required error={e.personTimes} hint="本次联系了多少人次">
          <Input
            value={d.personTimes}
            type="number"
            maxLength={4}
            placeholder="例如 12"
            onChange={(v) => set('personTimes', v)}
          />
        </Field>
        <Field label="联系人群" error={e.groups}>
          <Choices options={LIAISON_GROUP_SUGGESTIONS} value={d.groups} multi onChange={(v) => set('groups', v)} />
        </Field>
        <Field label="开展的服务" error={e.services}>
          <Choices
            options={LIAISON_SERVICE_SUGGESTIONS}
            value={d.services}
            multi
            onChange={(v) => set('services', v)}
          />
        </Field>
        <Field label="情况摘要" required error={e.summary}>
          <TextArea
            value={d.summary}
            maxLength={LIMITS.liaisonSummary.max}
            placeholder="做了什么、听到了什么"
            onChange={(v) => set('summary', v)}
          />
        </Field>
        {contacts.length ? (
          <Field label="涉及的联系人" error={e.contactIds}>
            <Choices
              options={recentFirst.map((c) => c.id)}
              labels={Object.fromEntries(contacts.map((c) => [c.id, c.name]))}
              value={d.contactIds}
              multi
              onChange={(v) => set('contactIds', v)}
            />
          </Field>
        ) : null}
        {pairings.length ? (
          <Field label="结对帮扶对象" error={e.pairingId}>
            <Choices
              options={pairings.map((p) => p.id)}
              labels={Object.fromEntries(pairings.map((p) => [p.id, p.name]))}
              value={d.pairingId}
              allowNone
              onChange={(v) => set('pairingId', v)}
            />
          </Field>
        ) : null}
        <Field label="“八必访”时机（选填）" error={e.occasion}>
          <Choices
            options={occasions.map((o) => o.value)}
            labels={Object.fromEntries(occasions.map((o) => [o.value, o.label]))}
            value={d.occasion}
            allowNone
            onChange={(v) => set('occasion', v)}
          />
        </Field>
        <Field label="照片（选填）" error={e.photos}>
          <PhotoPicker value={d.photos} onChange={(v) => set('photos', v)} max={6} folder="liaison" />
        </Field>
      </View>

      <View className="card">
        <View className="row">
          <View className="card-title">群众反映的诉求</View>
          <View className="spacer" />
          {d.concerns.length < 3 ? (
            <Text
              className="link"
              onClick={() => set('concerns', [...d.concerns, { category: '', title: '', text: '' }])}
            >
              + 添加诉求
            </Text>
          ) : null}
        </View>
        {!d.concerns.length ? <View className="muted">有诉求时添加，提交后转入诉求办理流程。</View> : null}
        {d.concerns.map((c, i) => (
          <View key={i} className="liaison-concern">
            <Field label={`诉求 ${i + 1} · 类别`} required error={e[`concerns.${i}.category`]}>
              <Choices
                options={categories}
                value={c.category ? [c.category] : []}
                onChange={(v) => concernAt(i, { category: v[0] ?? '' })}
              />
            </Field>
            <Field label="标题" required error={e[`concerns.${i}.title`]}>
              <Input
                value={c.title}
                maxLength={LIMITS.concernTitle.max}
                placeholder="一句话说清楚是什么事"
                onChange={(v) => concernAt(i, { title: v })}
              />
            </Field>
            <Field label="内容" required error={e[`concerns.${i}.text`]}>
              <TextArea
                value={c.text}
                maxLength={LIMITS.concernText.max}
                placeholder="时间、地点、具体情况"
                onChange={(v) => concernAt(i, { text: v })}
              />
            </Field>
            <Text
              className="link"
              onClick={() =>
                set(
                  'concerns',
                  d.concerns.filter((_, k) => k !== i),
                )
              }
            >
              删除这条诉求
            </Text>
          </View>
        ))}
      </View>

      <FormError error={save.error} fieldErrors={e} draftKept />
      <Button type="primary" block loading={save.loading} onClick={() => void submit()}>
        保存联系记录
      </Button>
    </Screen>
  );
}

const rank = (ids: string[] | undefined, id: string) => {
  const i = ids?.indexOf(id) ?? -1;
  return i === -1 ? 1e6 : i;
};
