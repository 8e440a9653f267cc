import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { TextArea } from '../../ui/textarea';
import { ScreeningLists } from './ScreeningLists';

/**
 * 公开征题: staff open a call for topics; the unit's workstation pages list it until it closes.
 * Beside it, the unit's screening lists.
 */
export function OpenCall() {
  const m = useMutation('topic.openCall');
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [made, setMade] = useState('');
  const e = m.fieldErrors;
  if (!open) {
    return (
      <View className="topic-head__action">
        <Button fill="outline" onClick={() => setOpen(true)}>
          发起公开征题
        </Button>
        <ScreeningLists />
        {made ? (
          <Text className="topic-link" onClick={() => void Taro.navigateTo({ url: `/public/call?id=${made}` })}>
            已发布，查看征题 ›
          </Text>
        ) : null}
      </View>
    );
  }
  const submit = async () => {
    const done = await m.run({ title, intro, closesOn });
    if (!done) return;
    setMade(done._id);
    setOpen(false);
    setTitle('');
    setIntro('');
  };
  return (
    <View className="card">
      <View className="card-title">发起公开征题</View>
      <View className="muted">发布后，本单位各工作站页面显示征题，群众可以提出议题并支持他人的议题（每人一次）。</View>
      <Field label="征题主题" required error={e.title}>
        <Input value={title} placeholder="例如：2027 年度民生实事协商议题征集" onChange={setTitle} />
      </Field>
      <Field label="征题说明" required error={e.intro} count={{ value: intro, max: 1000 }}>
        <TextArea value={intro} placeholder="征集什么方面的议题、怎样参与" onChange={setIntro} />
      </Field>
      <Field label="截止日期" required error={e.closesOn}>
        <Input value={closesOn} placeholder="YYYY-MM-DD" onChange={setClosesOn} />
      </Field>
      <FormError error={m.error} fieldErrors={e} />
      <View className="row topic-moves__buttons">
        <Button type="primary" loading={m.loading} onClick={() => void submit()}>
          发布征题
        </Button>
        <Button fill="outline" onClick={() => setOpen(false)}>
          取消
        </Button>
      </View>
    </View>
  );
}
