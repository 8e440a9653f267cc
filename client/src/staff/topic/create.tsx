import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  TOPIC_FORM_LABELS,
  TOPIC_FORMS,
  TOPIC_SOURCE_LABELS,
  TOPIC_SOURCES,
  type TopicForm,
  type TopicSource,
} from '@lxq/types/domain/topic';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { StaffScreen } from '../components/StaffScreen';
import { useMutation } from '../../hooks/useMutation';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { TextArea } from '../../ui/textarea';
import '../../components/choices.scss';

/**
 * A new topic. Opened from the concern queue with `concernIds` it is 群众出题 (the concerns are
 * linked and their submitters told); otherwise staff choose where it came from.
 */
export default function TopicCreatePage() {
  const params = useRouter().params;
  const concernIds = decodeURIComponent(params.concernIds ?? '')
    .split(',')
    .filter(Boolean);
  const fromConcerns = concernIds.length > 0;
  const create = useMutation('topic.create');
  const raise = useMutation('topic.raiseFromConcerns');
  const m = fromConcerns ? raise : create;
  const [source, setSource] = useState<TopicSource>('party');
  const [form, setForm] = useState<TopicForm>('micro');
  const [title, setTitle] = useState('');
  const [background, setBackground] = useState('');
  const e = m.fieldErrors;

  const submit = async () => {
    const about = { title, background, form };
    const done = fromConcerns ? await raise.run({ ...about, concernIds }) : await create.run({ ...about, source });
    if (!done) return;
    void Taro.showToast({ title: fromConcerns ? '已发起协商议题' : '已新增议题', icon: 'success' });
    void Taro.redirectTo({ url: `/staff/topic/detail?id=${done._id}` });
  };

  return (
    <StaffScreen>
      <View className="card">
        <View className="card-title">
          {fromConcerns ? `由 ${concernIds.length} 条群众诉求发起协商议题` : '新增协商议题'}
        </View>
        {fromConcerns ? (
          <View className="muted" style={{ margin: '8px 0 16px' }}>
            来源：群众出题。所选诉求将关联到议题，提交诉求的群众会收到“已纳入协商议题”的提醒，议题有结果时也会告诉他们。
          </View>
        ) : (
          <Field label="议题来源" required error={e.source}>
            <Radio.Group
              className="choices"
              value={source}
              direction="horizontal"
              onChange={(v) => setSource(v as TopicSource)}
            >
              {TOPIC_SOURCES.filter((s) => s !== 'citizens' && s !== 'member').map((s) => (
                <Radio key={s} value={s} shape="button">
                  {TOPIC_SOURCE_LABELS[s]}
                </Radio>
              ))}
            </Radio.Group>
          </Field>
        )}
        <Field label="议题名称" required error={e.title}>
          <Input
            value={title}
            maxLength={60}
            placeholder="例如：西关社区老旧小区加装电梯"
            onChange={(v) => {
              setTitle(v);
              m.clearFieldError('title');
            }}
          />
        </Field>
        <Field label="议题背景" required error={e.background} count={{ value: background, max: 2000 }}>
          <TextArea
            value={background}
            placeholder="群众反映了什么、涉及多少人、为什么需要协商"
            onChange={(v) => {
              setBackground(v);
              m.clearFieldError('background');
            }}
          />
        </Field>
        <Field label="协商形式" required error={e.form}>
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
        {Object.entries(e)
          .filter(([k]) => k.startsWith('concernIds') || k.startsWith('workstationIds'))
          .map(([k, v]) => (
            <View key={k} className="field__error">
              {v}
            </View>
          ))}
        <FormError error={m.error} fieldErrors={e} />
        <Button type="primary" block loading={m.loading} onClick={() => void submit()}>
          {fromConcerns ? '发起协商议题' : '保存议题'}
        </Button>
      </View>
    </StaffScreen>
  );
}
