import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Pending } from '../components/LoadFailed';
import { Screen } from '../components/Screen';
import { useMe } from '../hooks/useMe';
import { useMutation } from '../hooks/useMutation';
import { useQuery } from '../hooks/useQuery';
import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { TextArea } from '../ui/textarea';
import { formatChinaTime } from '../utils/time';
import './topic.scss';

/**
 * 公开征题: a call for consultation topics. Anyone proposes a topic, and backs the ones they care
 * about (once each); the most backed come first. No one's name is shown. Staff of the unit turn a
 * proposal into a topic (转为议题) here; everyone then sees it became one.
 */
export default function PublicCallPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const q = useQuery('topic.getCall', { id }, id);
  const propose = useMutation('topic.proposeToCall');
  const back = useMutation('topic.backProposal');
  const adopt = useMutation('topic.adoptProposal');
  const { isStaff } = useMe();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [sent, setSent] = useState('');
  const d = q.data;
  if (!d) {
    return (
      <Screen>
        <Pending query={q} />
      </Screen>
    );
  }
  const submit = async () => {
    const done = await propose.run({ id, title, text });
    if (!done) return;
    setTitle('');
    setText('');
    setSent(done.needsReview ? '已提交，工作人员核实后公开' : '已提交，感谢您的建议');
    await q.reload();
  };
  const toTopic = async (proposalId: string) => {
    const done = await adopt.run({ id: proposalId });
    if (!done) return;
    await q.reload();
    void Taro.navigateTo({ url: `/staff/topic/detail?id=${done._id}` });
  };
  return (
    <Screen>
      <View className="card">
        <View className="pt__title">{d.call.title}</View>
        <View className="pt__background">{d.call.intro}</View>
        <View className="muted">
          {d.call.open ? `征集至 ${formatChinaTime(d.call.closesAt, 'YYYY-MM-DD')}` : '征集已截止'} · 已收到{' '}
          {d.call.proposals} 条
        </View>
      </View>
      <View className="section-title">大家提出的议题</View>
      <View className="card">
        {d.proposals.length ? (
          d.proposals.map((p) => (
            <View key={p._id} className="pt__item">
              <Text className="pt__item-text">{p.title}</Text>
              <Text className="muted">{p.text}</Text>
              {p.topic ? <Text className="chip chip--red pc__topic">已转为协商议题</Text> : null}
              <View className="row pc__back">
                <Text className="pc__count">{p.backers} 人支持</Text>
                <View className="spacer" />
                {p.mine ? (
                  <Text className="muted">我提出的</Text>
                ) : (
                  <Button
                    type={p.backedByMe ? 'default' : 'primary'}
                    disabled={p.backedByMe || !d.call.open}
                    loading={back.loading}
                    onClick={() => void back.run({ id: p._id }).then((r) => r && q.reload())}
                  >
                    {p.backedByMe ? '已支持' : '支持'}
                  </Button>
                )}
                {isStaff && !p.topic ? (
                  <Button fill="outline" loading={adopt.loading} onClick={() => void toTopic(p._id)}>
                    转为议题
                  </Button>
                ) : null}
              </View>
            </View>
          ))
        ) : (
          <View className="muted">还没有人提出议题，欢迎您第一个提出</View>
        )}
        <FormError error={back.error} />
        <FormError error={adopt.error} />
      </View>
      {d.call.open ? (
        <>
          <View className="section-title">我来提议题</View>
          <View className="card">
            <Field label="议题" required error={propose.fieldErrors.title}>
              <Input value={title} maxLength={40} placeholder="一句话说清楚想协商什么" onChange={setTitle} />
            </Field>
            <Field label="说明" required error={propose.fieldErrors.text} count={{ value: text, max: 500 }}>
              <TextArea value={text} placeholder="为什么需要协商、涉及哪些人" onChange={setText} />
            </Field>
            <FormError error={propose.error} fieldErrors={propose.fieldErrors} />
            {sent ? <View className="muted">{sent}</View> : null}
            <Button type="primary" block loading={propose.loading} onClick={() => void submit()}>
              提交议题
            </Button>
          </View>
        </>
      ) : null}
    </Screen>
  );
}
