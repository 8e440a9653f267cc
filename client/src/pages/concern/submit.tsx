import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ConcernStatus } from '@lxq/types';
import { CONCERN_CATEGORIES, CONCERN_STATUS_LABELS } from '@lxq/types/domain/concern';
import { Field } from '../../components/Field';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
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

  const [category, setCategory] = useState<Category | ''>('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [phone, setPhone] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [consent, setConsent] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<{ _id: string; status: ConcernStatus } | null>(null);
  const submit = useMutation('concern.submit');

  const errors = { ...submit.fieldErrors, ...localErrors };
  const clear = (field: string) => {
    submit.clearFieldError(field);
    if (localErrors[field]) setLocalErrors(({ [field]: _, ...rest }) => rest);
  };

  const onSubmit = async () => {
    // Only what the server cannot be asked without: consent is a literal `true` in the contract.
    if (!consent) {
      setLocalErrors({ consent: '请阅读并同意隐私说明' });
      return;
    }
    setLocalErrors({});
    const result = await submit.run({
      workstationId,
      category: category as Category,
      title: title.trim(),
      text: text.trim(),
      phone: phone.trim() || undefined,
      anonymous,
      consent: true,
      source,
    });
    if (result) {
      setDone(result);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
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
          <View className="done__actions">
            <Button type="primary" block onClick={() => void Taro.reLaunch({ url: '/pages/concern/mine' })}>
              查看我的诉求
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

  const generalError = submit.error && Object.keys(submit.error.fields).length === 0 ? submit.error.message : '';

  return (
    <Screen>
      <View className="card">
        <View className="muted">反映给</View>
        <View className="card-title">{workstationName || '所选工作站'}</View>
        {errors.workstationId ? <View className="field__error">{errors.workstationId}</View> : null}
      </View>

      {generalError ? <View className="banner-error">{generalError}</View> : null}

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

      <Button type="primary" block size="large" loading={submit.loading} disabled={submit.loading} onClick={onSubmit}>
        {submit.loading ? '正在提交…' : submit.error?.network ? '重新提交' : '提交'}
      </Button>
    </Screen>
  );
}
