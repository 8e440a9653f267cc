import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { TOPIC_FORM_LABELS, TOPIC_FORMS, type TopicForm } from '@lxq/types/domain/topic';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { ListState } from '../../components/ListState';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { TextArea } from '../../ui/textarea';
import { formatChinaTime } from '../../utils/time';
import '../../components/choices.scss';
import './liaison.scss';

/**
 * 委员荐题: a member proposes a consultation topic from what they heard on their own liaison
 * records; staff screen it at 议题确定.
 */
export default function ProposeTopicPage() {
  const records = usePaged('liaison.mine', {}, { pageSize: 20 });
  const m = useMutation('topic.propose');
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [background, setBackground] = useState('');
  const [form, setForm] = useState<TopicForm>('sector');
  const e = m.fieldErrors;
  const submit = async () => {
    if (await m.run({ title, background, form, liaisonRecordIds: chosen })) {
      void Taro.showToast({ title: '已推荐，等待审查', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 800);
    }
  };
  return (
    <Screen>
      <View className="card">
        <View className="card-title">推荐协商议题</View>
        <View className="muted">
          选出反映这个问题的联系记录，写明议题和背景；政协工作人员对照可协商事项审查后确定。
        </View>
        <Field label="依据的联系记录（1–10 条）" required error={e.liaisonRecordIds ?? e['liaisonRecordIds.0']}>
          <Checkbox.Group className="choices topic-records" value={chosen} onChange={(v) => setChosen(v as string[])}>
            {records.items.map((r) => (
              <Checkbox key={r._id} value={r._id}>
                <Text className="topic-records__text">
                  {formatChinaTime(r.date, 'YYYY-MM-DD')} {r.place}：{r.summary.slice(0, 30)}
                </Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Field>
        <ListState list={records} emptyText="还没有联系记录，先记一条再推荐议题" />
        <Field label="议题名称" required error={e.title}>
          <Input value={title} maxLength={60} placeholder="例如：中小学课后延时服务质量提升" onChange={setTitle} />
        </Field>
        <Field label="议题背景" required error={e.background} count={{ value: background, max: 2000 }}>
          <TextArea
            value={background}
            placeholder="联系中听到了什么、涉及多少人、为什么需要协商"
            onChange={setBackground}
          />
        </Field>
        <Field label="建议的协商形式" required error={e.form}>
          <Radio.Group
            className="choices"
            value={form}
            direction="horizontal"
            onChange={(v) => setForm(v as TopicForm)}
          >
            {TOPIC_FORMS.map((f) => (
              <Radio key={f} value={f} shape="button">
                {TOPIC_FORM_LABELS[f]}
              </Radio>
            ))}
          </Radio.Group>
        </Field>
        <FormError error={m.error} fieldErrors={e} />
        <Button type="primary" block loading={m.loading} onClick={() => void submit()}>
          推荐议题
        </Button>
      </View>
    </Screen>
  );
}
