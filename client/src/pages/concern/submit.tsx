import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { ActionOutput } from '@lxq/types';
import { CONCERN_CATEGORIES, MAX_CONCERN_PHOTOS } from '@lxq/types/domain/concern';
import { LIMITS, textError } from '@lxq/types/limits';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PhotoPicker, type Photo } from '../../components/PhotoPicker';
import { PlaceField } from '../../components/PlaceField';
import { Screen } from '../../components/Screen';
import { SubmitDone } from '../../components/SubmitDone';
import { VoiceInput } from '../../components/VoiceInput';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import type { Place } from '../../services/location';
import { askToSubscribe } from '../../services/subscribe';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { Switch } from '../../ui/switch';
import { TextArea } from '../../ui/textarea';
import { SectorPicker, type SectorChoice } from './SectorPicker';
import './submit.scss';

type Source = 'qr' | 'share' | 'home';

interface Form {
  category: string;
  title: string;
  text: string;
  phone: string;
  anonymous: boolean;
  photos: Photo[];
  place: Place | null;
  sector: SectorChoice | null;
}

const empty = (): Form => ({
  category: '',
  title: '',
  text: '',
  phone: '',
  anonymous: false,
  photos: [],
  place: null,
  sector: null,
});

/** Top to bottom, as the page shows them: the first with a message is scrolled to. */
const ORDER = ['category', 'title', 'text', 'photos', 'location', 'phone', 'consent'] as const;

/** Everything the server would refuse, found on the phone, all at once. */
function check(f: Form, consent: boolean): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.category) e.category = '请选择类别';
  const title = textError('标题', LIMITS.concernTitle, f.title);
  if (title) e.title = title;
  const text = textError('内容', LIMITS.concernText, f.text);
  if (text) e.text = text;
  if (f.phone.trim() && !/^1[3-9]\d{9}$/.test(f.phone.trim())) e.phone = '请填写 11 位手机号';
  if (!consent) e.consent = '请阅读并同意隐私说明';
  return e;
}

export default function SubmitConcernPage() {
  const { params } = useRouter();
  const workstationId = params.workstationId ? decodeURIComponent(params.workstationId) : '';
  const workstationName = params.name ? decodeURIComponent(params.name) : '';
  const source: Source = params.source === 'qr' || params.source === 'share' ? params.source : 'home';

  const submit = useMutation('concern.submit', { draft: { key: `concern-draft:${workstationId}`, empty } });
  // The station's unit may keep its own categories (issue 17); the built-in ones until it answers.
  const station = useQuery('org.getWorkstation', workstationId ? { workstationId } : null, workstationId);
  const categories: readonly string[] = station.data?.categories ?? CONCERN_CATEGORIES;
  const { draft } = submit;
  const f = draft.value;
  const errors = submit.fieldErrors;
  const [consent, setConsent] = useState(false);
  const [done, setDone] = useState<ActionOutput<'concern.submit'> | null>(null);
  // WeChat shows its dialog only inside a tap: asked once, on the tap that really sends.
  const subscribed = useRef(false);
  useLeaveGuard(draft.dirty && !done);
  // The form itself can be forwarded (a neighbour with the same problem); never with what was typed.
  useShareAppMessage(() => ({
    title: `向「${workstationName || '委员工作站'}」反映问题`,
    path: `/pages/concern/submit?workstationId=${encodeURIComponent(workstationId)}&name=${encodeURIComponent(workstationName)}&source=share`,
  }));

  useEffect(() => {
    if (draft.restored) void Taro.showToast({ title: '已恢复上次未提交的内容', icon: 'none' });
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onSubmit = async () => {
    const found = check(f, consent);
    if (Object.keys(found).length) {
      submit.setFieldErrors(found);
      const first = ORDER.find((k) => found[k]);
      if (first)
        void Taro.pageScrollTo({ selector: `#f-${first}`, duration: 200, offsetTop: -12 }).catch(() => undefined);
      return;
    }
    if (!subscribed.current) {
      subscribed.current = true;
      await askToSubscribe(['concernStatus']);
    }
    const result = await submit.run({
      workstationId,
      category: f.category,
      title: f.title.trim(),
      text: f.text.trim(),
      photos: f.photos.map((p) => p.fileID),
      location: f.place
        ? {
            lat: f.place.latitude,
            lng: f.place.longitude,
            address:
              [f.place.name, f.place.address].filter(Boolean).join(' · ').slice(0, LIMITS.concernPlace.max) ||
              undefined,
          }
        : undefined,
      sectorId: f.sector?.id || undefined,
      phone: f.phone.trim() || undefined,
      anonymous: f.anonymous,
      consent: true,
      source,
    });
    if (result) {
      setDone(result);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    }
  };

  if (done) return <SubmitDone result={done} workstationName={workstationName} />;

  if (!workstationId) {
    return (
      <Screen>
        <View className="card">
          <View className="card-title">请先选择工作站</View>
          <View className="muted" style={{ margin: '8px 0 16px' }}>
            诉求会交给您选择的委员工作站跟进。
          </View>
          <Button type="primary" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
            去选择工作站
          </Button>
        </View>
      </Screen>
    );
  }

  const resend = !!submit.error && (submit.error.network || submit.error.code === 'INTERNAL');

  return (
    <Screen>
      <View className="card">
        <View className="muted">反映给</View>
        <View className="card-title">{workstationName || station.data?.name || '所选工作站'}</View>
        {errors.workstationId ? <View className="field__error">{errors.workstationId}</View> : null}
      </View>

      {draft.restored ? (
        <View className="banner-draft row">
          <Text>已恢复上次未提交的内容</Text>
          <View className="spacer" />
          <Text className="link" onClick={() => draft.discard()}>
            清空重填
          </Text>
        </View>
      ) : null}
      <FormError error={submit.error} fieldErrors={errors} draftKept />

      <View className="card">
        <Field label="诉求类别" required error={errors.category} anchor="f-category">
          <Radio.Group
            className="cats"
            shape="button"
            direction="horizontal"
            value={f.category}
            onChange={(v) => draft.set('category', String(v))}
          >
            {categories.map((c) => (
              <Radio key={c} value={c} shape="button">
                {c}
              </Radio>
            ))}
          </Radio.Group>
        </Field>

        <Field
          label="标题"
          required
          error={errors.title}
          anchor="f-title"
          hint={`${LIMITS.concernTitle.min}–${LIMITS.concernTitle.max} 个字，一句话说清楚是什么事`}
          count={{ value: f.title, max: LIMITS.concernTitle.max }}
        >
          <Input
            value={f.title}
            maxLength={LIMITS.concernTitle.max * 2}
            placeholder="例如：小区门口路灯坏了三个月"
            onChange={(v) => draft.set('title', v)}
          />
        </Field>

        <Field
          label="具体内容"
          required
          error={errors.text}
          anchor="f-text"
          className="longtext"
          hint={`至少 ${LIMITS.concernText.min} 个字`}
          count={{ value: f.text, max: LIMITS.concernText.max }}
        >
          <TextArea
            value={f.text}
            maxLength={LIMITS.concernText.max * 2}
            placeholder="请描述时间、地点、具体情况和您的建议"
            onChange={(v) => draft.set('text', v)}
          />
        </Field>
        <VoiceInput onText={(t) => draft.set('text', `${f.text}${t}`)} />

        <Field label={`照片（选填，最多 ${MAX_CONCERN_PHOTOS} 张）`} error={errors.photos} anchor="f-photos">
          <PhotoPicker
            value={f.photos}
            max={MAX_CONCERN_PHOTOS}
            folder="concerns"
            onChange={(v) => draft.set('photos', v)}
          />
        </Field>

        <Field label="位置（选填）" error={errors.location} anchor="f-location">
          <PlaceField value={f.place} onChange={(v) => draft.set('place', v)} />
        </Field>

        <Field label="反映给哪个界别（选填）" error={errors.sectorId} anchor="f-sector">
          <SectorPicker workstationId={workstationId} value={f.sector} onChange={(v) => draft.set('sector', v)} />
        </Field>

        <Field
          label="联系电话（选填）"
          error={errors.phone}
          anchor="f-phone"
          hint="仅承办人可见完整号码，其他人看到的是打码后的号码"
        >
          <Input
            type="number"
            value={f.phone}
            maxLength={11}
            placeholder="方便工作人员联系您"
            onChange={(v) => draft.set('phone', v)}
          />
        </Field>

        <View className="row switch-row">
          <View>
            <View className="field__label">匿名提交</View>
            <View className="muted">开启后，工作人员看到的提交人为「匿名群众」</View>
          </View>
          <View className="spacer" />
          <Switch checked={f.anonymous} onChange={(v) => draft.set('anonymous', v)} />
        </View>
      </View>

      <View className="consent" id="f-consent">
        <View className="row consent__row">
          <Checkbox
            checked={consent}
            onChange={(v) => {
              setConsent(v);
              submit.clearFieldError('consent');
            }}
          />
          <Text
            className="consent__text"
            onClick={() => {
              setConsent(!consent);
              submit.clearFieldError('consent');
            }}
          >
            我已阅读并同意
          </Text>
          <Text className="link consent__text" onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
            《隐私说明》
          </Text>
        </View>
        {errors.consent ? <View className="field__error">{errors.consent}</View> : null}
      </View>

      <Button type="primary" block size="large" loading={submit.loading} disabled={submit.loading} onClick={onSubmit}>
        {submit.loading ? '正在提交…' : resend ? '重新提交' : '提交'}
      </Button>
    </Screen>
  );
}
