import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CONCERN_CATEGORIES } from '@lxq/types/domain/concern';
import { Field } from '../../components/Field';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { Switch } from '../../ui/switch';
import { TextArea } from '../../ui/textarea';
import '../../components/choices.scss';

/** A member on duty records the people received; with consent, a concern on their behalf. */
export default function ReceptionPage() {
  const { params } = useRouter();
  const shiftId = params.shiftId ?? '';
  const save = useMutation('duty.recordReception');
  const [people, setPeople] = useState('1');
  const [topic, setTopic] = useState('');
  const [visitorName, setVisitorName] = useState('');
  const [visitorPhone, setVisitorPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [asConcern, setAsConcern] = useState(false);
  const [category, setCategory] = useState<string>('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const e = save.fieldErrors;

  const submit = async () => {
    const done = await save.run({
      shiftId,
      people: Number(people) || 0,
      topic,
      visitorName: visitorName || undefined,
      visitorPhone: visitorPhone || undefined,
      consent,
      concerns: asConcern ? [{ category: category as (typeof CONCERN_CATEGORIES)[number], title, text }] : [],
    });
    if (done) {
      await Taro.showToast({ title: done.concernIds.length ? '已记录并提交诉求' : '已记录', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
    }
  };

  return (
    <Screen>
      <View className="card">
        <Field label="接待人数" required error={e.people}>
          <Input value={people} type="number" placeholder="接待了几位群众" onChange={(v) => setPeople(v)} />
        </Field>
        <Field label="接待事项" required error={e.topic} hint="简要记录群众反映的事情">
          <TextArea value={topic} maxLength={200} placeholder="例如：反映小区停车难" onChange={(v) => setTopic(v)} />
        </Field>
        <Field label="来访人姓名（选填）" error={e.visitorName}>
          <Input
            value={visitorName}
            maxLength={20}
            placeholder="经本人同意后填写"
            onChange={(v) => setVisitorName(v)}
          />
        </Field>
        <Field label="联系电话（选填）" error={e.visitorPhone}>
          <Input
            value={visitorPhone}
            type="tel"
            maxLength={11}
            placeholder="经本人同意后填写"
            onChange={(v) => setVisitorPhone(v)}
          />
        </Field>
        <Field label="" error={e.consent}>
          <Checkbox checked={consent} onChange={(v) => setConsent(v)}>
            来访人同意记录其姓名、电话并代为提交诉求
          </Checkbox>
        </Field>
        <View className="row" style={{ margin: '12px 0' }}>
          <View>代群众提交诉求</View>
          <View className="spacer" />
          <Switch checked={asConcern} onChange={(v) => setAsConcern(v)} />
        </View>
        {asConcern ? (
          <>
            <Field label="诉求类别" required error={e['concerns.0.category']}>
              <Radio.Group
                className="choices"
                value={category}
                direction="horizontal"
                onChange={(v) => setCategory(String(v))}
              >
                {CONCERN_CATEGORIES.map((c) => (
                  <Radio key={c} value={c} shape="button">
                    {c}
                  </Radio>
                ))}
              </Radio.Group>
            </Field>
            <Field label="诉求标题" required error={e['concerns.0.title']}>
              <Input value={title} maxLength={40} placeholder="一句话说清楚是什么事" onChange={(v) => setTitle(v)} />
            </Field>
            <Field label="诉求内容" required error={e['concerns.0.text']}>
              <TextArea value={text} maxLength={1000} placeholder="时间、地点、具体情况" onChange={(v) => setText(v)} />
            </Field>
          </>
        ) : null}
        {save.error && !Object.keys(e).length ? <View className="banner-error">{save.error.message}</View> : null}
        <Button type="primary" block loading={save.loading} onClick={() => void submit()}>
          保存接待记录
        </Button>
      </View>
    </Screen>
  );
}
