import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TopicItemView, TopicView } from '@lxq/types';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { formatChinaTime } from '../../utils/time';

/**
 * Seed 001's three lists, one row per suggestion: 协商建议清单 (the suggestion), 责任落实清单 (who,
 * by when, what counts as done, who decided), 结果反馈清单 (progress and the result). Each part is
 * editable at its own step.
 */
export function TopicLists(p: { topic: TopicView; onChanged: () => void }) {
  const t = p.topic;
  if (!t.items.length) return null;
  return (
    <View className="card">
      <View className="card-title">三张清单</View>
      <View className="muted">协商建议清单 → 责任落实清单 → 结果反馈清单</View>
      {t.items.map((i) => (
        <View key={i.no} className={`topic-item ${i.overdue ? 'topic-item--overdue' : ''}`}>
          <View className="topic-item__head">
            <Text className="topic-item__no">{i.no}</Text>
            <Text className="topic-item__text">{i.suggestion}</Text>
          </View>
          {i.department ? (
            <View className="topic-item__line">
              责任落实：{i.department} · {i.owner} · 时限 {i.deadline}
              {i.overdue ? <Text className="topic-item__late">（已超期）</Text> : null}
              <View className="muted">
                成效：{i.outcome} · 决定：{i.decidedBy}
              </View>
            </View>
          ) : null}
          {i.progress.map((g, k) => (
            <View key={k} className="topic-item__line muted">
              进展（{formatChinaTime(g.at, 'MM-DD')}）：{g.text}
            </View>
          ))}
          {i.result ? <View className="topic-item__result">结果：{i.result}</View> : null}
          {t.can.assign ? <AssignForm topic={t} item={i} onDone={p.onChanged} /> : null}
          {t.can.result && !i.result ? <FeedbackForm topic={t} item={i} onDone={p.onChanged} /> : null}
        </View>
      ))}
    </View>
  );
}

function AssignForm(p: { topic: TopicView; item: TopicItemView; onDone: () => void }) {
  const m = useMutation('topic.assign');
  const [v, setV] = useState({
    department: p.item.department,
    owner: p.item.owner,
    deadline: p.item.deadline,
    outcome: p.item.outcome,
    decidedBy: p.item.decidedBy,
  });
  const e = m.fieldErrors;
  const field = (key: keyof typeof v, label: string, placeholder: string) => (
    <Field label={label} required error={e[key]}>
      <Input value={v[key]} placeholder={placeholder} onChange={(x) => setV({ ...v, [key]: x })} />
    </Field>
  );
  return (
    <View className="topic-form topic-form--inline">
      {field('department', '责任单位', '例如：县住建局')}
      {field('owner', '责任人', '姓名或职务')}
      {field('deadline', '完成时限', 'YYYY-MM-DD')}
      {field('outcome', '预期成效', '可衡量的结果')}
      {field('decidedBy', '决定机构', '例如：镇党委会议')}
      <FormError error={m.error} fieldErrors={e} />
      <Button
        loading={m.loading}
        onClick={() => void m.run({ id: p.topic._id, no: p.item.no, ...v }).then((r) => r && p.onDone())}
      >
        {p.item.department ? '更新责任' : '落实责任'}
      </Button>
    </View>
  );
}

function FeedbackForm(p: { topic: TopicView; item: TopicItemView; onDone: () => void }) {
  const progress = useMutation('topic.progress');
  const result = useMutation('topic.result');
  const [text, setText] = useState('');
  const send = async (kind: 'progress' | 'result') => {
    const input = { id: p.topic._id, no: p.item.no, text };
    const ok = kind === 'progress' ? await progress.run(input) : await result.run(input);
    if (!ok) return;
    setText('');
    p.onDone();
  };
  return (
    <View className="topic-form topic-form--inline">
      <Field label={`第 ${p.item.no} 条的进展或结果`} error={progress.fieldErrors.text ?? result.fieldErrors.text}>
        <Input value={text} placeholder="办理进展，或最终结果" onChange={setText} />
      </Field>
      <FormError
        error={progress.error ?? result.error}
        fieldErrors={{ ...progress.fieldErrors, ...result.fieldErrors }}
      />
      <View className="row topic-moves__buttons">
        <Button fill="outline" loading={progress.loading} onClick={() => void send('progress')}>
          反馈进展
        </Button>
        <Button type="primary" loading={result.loading} onClick={() => void send('result')}>
          反馈结果
        </Button>
      </View>
    </View>
  );
}
