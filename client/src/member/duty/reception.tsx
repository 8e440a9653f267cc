import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CONCERN_CATEGORIES } from '@lxq/types/domain/concern';
import { LIMITS } from '@lxq/types/limits';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { VoiceInput } from '../../components/VoiceInput';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { Switch } from '../../ui/switch';
import { TextArea } from '../../ui/textarea';
import '../../components/choices.scss';

const empty = () => ({
  people: '1',
  topic: '',
  visitorName: '',
  visitorPhone: '',
  consent: false,
  asConcern: false,
  category: '',
  title: '',
  text: '',
});

/** A member on duty records the people received; with consent, a concern on their behalf. */
export default function ReceptionPage() {
  const { params } = useRouter();
  const shiftId = params.shiftId ?? '';
  // The station's unit may keep its own categories (issue 17); the built-in ones until it answers.
  const workstationId = params.workstationId ?? '';
  const station = useQuery('org.getWorkstation', workstationId ? { workstationId } : null, workstationId);
  const categories: readonly string[] = station.data?.categories ?? CONCERN_CATEGORIES;
  // Kept on the phone while the visitor is still talking: a call or a locked screen loses nothing.
  const save = useMutation('duty.recordReception', { draft: { key: `reception-draft:${shiftId}`, empty } });
  const { people, topic, visitorName, visitorPhone, consent, asConcern, category, title, text } = save.draft.value;
  const set = save.draft.set;
  const e = save.fieldErrors;

  const submit = async () => {
    const done = await save.run({
      shiftId,
      people: Number(people) || 0,
      topic,
      visitorName: visitorName || undefined,
      visitorPhone: visitorPhone || undefined,
      consent,
      concerns: asConcern ? [{ category, title, text }] : [],
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
          <Input value={people} type="number" placeholder="接待了几位群众" onChange={(v) => set('people', v)} />
        </Field>
        <Field label="接待事项" required error={e.topic} hint="简要记录群众反映的事情">
          <TextArea
            value={topic}
            maxLength={LIMITS.receptionTopic.max}
            placeholder="例如：反映小区停车难"
            onChange={(v) => set('topic', v)}
          />
          <VoiceInput onText={(t) => set('topic', `${topic}${t}`)} />
        </Field>
        <Field label="来访人姓名（选填）" error={e.visitorName}>
          <Input
            value={visitorName}
            maxLength={LIMITS.visitorName.max}
            placeholder="经本人同意后填写"
            onChange={(v) => set('visitorName', v)}
          />
        </Field>
        <Field label="联系电话（选填）" error={e.visitorPhone}>
          <Input
            value={visitorPhone}
            type="tel"
            maxLength={11}
            placeholder="经本人同意后填写"
            onChange={(v) => set('visitorPhone', v)}
          />
        </Field>
        <Field label="" error={e.consent}>
          <Checkbox checked={consent} onChange={(v) => set('consent', v)}>
            来访人同意记录其姓名、电话并代为提交诉求
          </Checkbox>
        </Field>
        <View className="row" style={{ margin: '12px 0' }}>
          <View>代群众提交诉求</View>
          <View className="spacer" />
          <Switch checked={asConcern} onChange={(v) => set('asConcern', v)} />
        </View>
        {asConcern ? (
          <>
            <Field label="诉求类别" required error={e['concerns.0.category']}>
              <Radio.Group
                className="choices"
                value={category}
                direction="horizontal"
                onChange={(v) => set('category', String(v))}
              >
                {categories.map((c) => (
                  <Radio key={c} value={c} shape="button">
                    {c}
                  </Radio>
                ))}
              </Radio.Group>
            </Field>
            <Field label="诉求标题" required error={e['concerns.0.title']}>
              <Input
                value={title}
                maxLength={LIMITS.concernTitle.max}
                placeholder="一句话说清楚是什么事"
                onChange={(v) => set('title', v)}
              />
            </Field>
            <Field label="诉求内容" required error={e['concerns.0.text']}>
              <TextArea
                value={text}
                maxLength={LIMITS.concernText.max}
                placeholder="时间、地点、具体情况"
                onChange={(v) => set('text', v)}
              />
            </Field>
          </>
        ) : null}
        <FormError error={save.error} fieldErrors={e} draftKept />
        <Button type="primary" block loading={save.loading} onClick={() => void submit()}>
          保存接待记录
        </Button>
      </View>
    </Screen>
  );
}
