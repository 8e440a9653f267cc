import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { ConcernStatus } from '@lxq/types';
import { CONCERN_CATEGORIES, CONCERN_STATUS_LABELS, MAX_CONCERN_PHOTOS } from '@lxq/types/domain/concern';
import { Field } from '../../components/Field';
import { PhotoPicker, type Photo } from '../../components/PhotoPicker';
import { Screen } from '../../components/Screen';
import { call } from '../../services/call';
import { CallError, toCallError } from '../../services/errors';
import { currentLocation, locationMessage } from '../../services/location';
import { randomId } from '../../services/random';
import { askToSubscribe } from '../../services/subscribe';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { Switch } from '../../ui/switch';
import { TextArea } from '../../ui/textarea';
import './submit.scss';

type Category = (typeof CONCERN_CATEGORIES)[number];
type Source = 'qr' | 'share' | 'home';

const TEXT_MAX = 1000;

export default function SubmitConcernPage() {
  const { params } = useRouter();
  const workstationId = params.workstationId ? decodeURIComponent(params.workstationId) : '';
  const workstationName = params.name ? decodeURIComponent(params.name) : '';
  const source: Source = params.source === 'qr' || params.source === 'share' ? params.source : 'home';

  const draftKey = `concern-draft:${workstationId}`;
  const draft = useRef<Draft | null>(readDraft(draftKey));
  const d = draft.current;
  const [category, setCategory] = useState<Category | ''>(d?.category ?? '');
  const [title, setTitle] = useState(d?.title ?? '');
  const [text, setText] = useState(d?.text ?? '');
  const [phone, setPhone] = useState(d?.phone ?? '');
  const [anonymous, setAnonymous] = useState(d?.anonymous ?? false);
  const [consent, setConsent] = useState(false);
  const [photos, setPhotos] = useState<Photo[]>(d?.photos ?? []);
  const [location, setLocation] = useState<Draft['location']>(d?.location ?? null);
  const [locating, setLocating] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<{ _id: string; status: ConcernStatus; needsReview?: boolean } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  // Kept until the server answers for sure: a resend after a network failure reuses it, so the
  // concern is stored once even if the first attempt did reach the server.
  const requestId = useRef<string>(d?.requestId ?? '');
  const [savedDraft, setSavedDraft] = useState(!!d);

  useEffect(() => {
    if (d) void Taro.showToast({ title: '已恢复未提交的草稿', icon: 'none' });
  }, [d]);

  const errors = { ...(error?.fields ?? {}), ...localErrors };
  const clear = (field: string) => {
    if (error?.fields[field])
      setError(new CallError(error.code, error.message, omit(error.fields, field), error.network));
    if (localErrors[field]) setLocalErrors(({ [field]: _, ...rest }) => rest);
  };

  const pickLocation = async () => {
    setLocating(true);
    try {
      if (process.env.TARO_ENV === 'weapp') {
        const r = await Taro.chooseLocation({});
        setLocation({ lat: r.latitude, lng: r.longitude, address: (r.name || r.address || '').slice(0, 80) });
      } else {
        // No map service offline in the browser: the current position, shown as coordinates.
        const p = await currentLocation();
        setLocation({ ...p, address: '' });
      }
    } catch (e) {
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) {
        void Taro.showToast({ title: locationMessage(e), icon: 'none' });
      }
    } finally {
      setLocating(false);
    }
  };

  const onSubmit = async () => {
    // Only what the server cannot be asked without: consent is a literal `true` in the contract.
    if (!consent) {
      setLocalErrors({ consent: '请阅读并同意隐私说明' });
      return;
    }
    setLocalErrors({});
    // WeChat shows the subscribe dialog only inside a tap: ask first, then send.
    await askToSubscribe(['concernStatus']);
    if (!requestId.current) requestId.current = randomId(24);
    const form: Draft = { category, title, text, phone, anonymous, photos, location, requestId: requestId.current };
    setLoading(true);
    setError(null);
    try {
      const result = await call(
        'concern.submit',
        {
          workstationId,
          category: category as Category,
          title: title.trim(),
          text: text.trim(),
          photos: photos.map((p) => p.fileID),
          location: location
            ? { lat: location.lat, lng: location.lng, address: location.address || undefined }
            : undefined,
          phone: phone.trim() || undefined,
          anonymous,
          consent: true,
          source,
        },
        { requestId: requestId.current },
      );
      requestId.current = '';
      Taro.removeStorageSync(draftKey);
      setDone(result);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (e) {
      const err = toCallError(e);
      setError(err);
      if (err.network || err.code === 'INTERNAL') {
        // The server may have it already: keep the form and the same requestId for the resend.
        Taro.setStorageSync(draftKey, form);
        setSavedDraft(true);
      } else {
        // A clear refusal changed nothing: the corrected form is a new request.
        requestId.current = '';
      }
    } finally {
      setLoading(false);
    }
  };

  if (done) {
    return (
      <Screen>
        <View className="card done">
          <View className="done__icon">✓</View>
          <View className="done__title">提交成功</View>
          <View className="muted">
            诉求已送达{workstationName ? `「${workstationName}」` : ''}，当前状态：
            {CONCERN_STATUS_LABELS[done.status] ?? done.status}
          </View>
          <View className="muted">工作人员会在 3 个工作日内受理，办理进展可在「我的诉求」查看。</View>
          {done.needsReview ? (
            <View className="muted">您反映的情况涉及违法线索，将由工作人员人工复核后处理。</View>
          ) : null}
          <View className="done__actions">
            <Button type="primary" block onClick={() => void Taro.reLaunch({ url: '/pages/concern/mine' })}>
              查看我的诉求
            </Button>
            <View style={{ height: '12px' }} />
            <Button block onClick={() => void Taro.redirectTo({ url: `/pages/concern/detail?id=${done._id}` })}>
              查看办理进度
            </Button>
            <View style={{ height: '12px' }} />
            <Button block onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
              返回首页
            </Button>
          </View>
        </View>
      </Screen>
    );
  }

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

  const generalError =
    error && Object.keys(error.fields).length === 0
      ? error.message
      : error?.code === 'CONTENT_RISKY'
        ? error.message
        : '';

  return (
    <Screen>
      <View className="card">
        <View className="muted">反映给</View>
        <View className="card-title">{workstationName || '所选工作站'}</View>
        {errors.workstationId ? <View className="field__error">{errors.workstationId}</View> : null}
      </View>

      {generalError ? <View className="banner-error">{generalError}</View> : null}
      {savedDraft && error?.network ? <View className="banner-draft">草稿已保存，网络恢复后可重新提交</View> : null}

      <View className="card">
        <Field label="诉求类别" required error={errors.category}>
          <Radio.Group
            className="cats"
            shape="button"
            direction="horizontal"
            value={category}
            onChange={(v) => {
              setCategory(String(v) as Category);
              clear('category');
            }}
          >
            {CONCERN_CATEGORIES.map((c) => (
              <Radio key={c} value={c} shape="button">
                {c}
              </Radio>
            ))}
          </Radio.Group>
        </Field>

        <Field label="标题" required error={errors.title} hint="4–40 个字，一句话说清楚是什么事">
          <Input
            value={title}
            maxLength={40}
            placeholder="例如：小区门口路灯坏了三个月"
            onChange={(v) => {
              setTitle(v);
              clear('title');
            }}
          />
        </Field>

        <Field label="具体内容" required error={errors.text}>
          <TextArea
            value={text}
            maxLength={TEXT_MAX}
            showCount
            autoSize
            placeholder="请描述时间、地点、具体情况和您的建议（至少 10 个字）"
            onChange={(v) => {
              setText(v);
              clear('text');
            }}
          />
        </Field>

        <Field label={`照片（选填，最多 ${MAX_CONCERN_PHOTOS} 张）`} error={errors.photos}>
          <PhotoPicker
            value={photos}
            max={MAX_CONCERN_PHOTOS}
            folder="concerns"
            onChange={(v) => {
              setPhotos(v);
              clear('photos');
            }}
          />
        </Field>

        <Field label="位置（选填）" error={errors.location}>
          <View className="row location-row">
            <Text className={location ? '' : 'muted'}>
              {location
                ? location.address || `纬度 ${location.lat.toFixed(5)}，经度 ${location.lng.toFixed(5)}`
                : '未选择'}
            </Text>
            <View className="spacer" />
            {location ? (
              <Text className="link" onClick={() => setLocation(null)}>
                清除
              </Text>
            ) : null}
            <Button size="small" loading={locating} onClick={() => void pickLocation()}>
              {process.env.TARO_ENV === 'weapp' ? '在地图上选择' : '使用当前位置'}
            </Button>
          </View>
        </Field>

        <Field label="联系电话（选填）" error={errors.phone} hint="仅承办人可见完整号码，其他人看到的是打码后的号码">
          <Input
            type="number"
            value={phone}
            maxLength={11}
            placeholder="方便工作人员联系您"
            onChange={(v) => {
              setPhone(v);
              clear('phone');
            }}
          />
        </Field>

        <View className="row switch-row">
          <View>
            <View className="field__label">匿名提交</View>
            <View className="muted">开启后，工作人员看到的提交人为「匿名群众」</View>
          </View>
          <View className="spacer" />
          <Switch checked={anonymous} onChange={(v) => setAnonymous(v)} />
        </View>
      </View>

      <View className="consent">
        <View className="row">
          <Checkbox
            checked={consent}
            onChange={(v) => {
              setConsent(v);
              clear('consent');
            }}
          />
          <Text className="consent__text" onClick={() => setConsent(!consent)}>
            我已阅读并同意
          </Text>
          <Text className="link consent__text" onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
            《隐私说明》
          </Text>
        </View>
        {errors.consent ? <View className="field__error">{errors.consent}</View> : null}
      </View>

      <Button type="primary" block size="large" loading={loading} disabled={loading} onClick={onSubmit}>
        {loading ? '正在提交…' : error?.network || savedDraft ? '重新提交' : '提交'}
      </Button>
    </Screen>
  );
}

interface Draft {
  category: Category | '';
  title: string;
  text: string;
  phone: string;
  anonymous: boolean;
  photos: Photo[];
  location: { lat: number; lng: number; address: string } | null;
  requestId: string;
}

function readDraft(key: string): Draft | null {
  try {
    const d = Taro.getStorageSync(key) as Draft | '';
    return d && typeof d === 'object' && d.requestId ? d : null;
  } catch {
    return null;
  }
}

function omit(fields: Record<string, string>, key: string) {
  const { [key]: _, ...rest } = fields;
  return rest;
}
