import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionOutput, TopicView } from '@lxq/types';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { TextArea } from '../../ui/textarea';
import { formatChinaTime } from '../../utils/time';
import { TargetGroups } from '../notices/TargetGroups';
// The target chips and date pickers look as on the notice form.
import '../notices/index.scss';

/** 议前调研 ("不调研不协商"): tasks for named members, and which of them are done. */
export function ResearchPanel(p: {
  topic: TopicView;
  data: ActionOutput<'topic.participants'> | undefined;
  onChanged: () => void;
}) {
  const tasks = p.data?.tasks ?? [];
  if (!tasks.length && !p.topic.can.research) return null;
  const done = tasks.filter((t) => t.status === 'done').length;
  return (
    <View className="card topic-research">
      <View className="card-title">议前调研</View>
      {tasks.length ? (
        <View className="muted">
          已完成 {done} / {tasks.length}
          {tasks.some((t) => t.overdue) ? `，超期 ${tasks.filter((t) => t.overdue).length}` : ''}
        </View>
      ) : null}
      {tasks.map((t) => (
        <View key={t._id} className="topic-task">
          <View className="row">
            <Text className="topic-task__who">{t.name}</Text>
            <Text
              className={`chip ${t.status === 'done' ? 'topic-task--done' : t.overdue ? 'topic-task--overdue' : 'topic-task--open'}`}
            >
              {t.status === 'done' ? '已完成' : t.overdue ? '已超期' : '未完成'}
            </Text>
          </View>
          <View>
            {t.task}（{t.dueOn} 前）
          </View>
          {t.status === 'done' ? (
            <View className="muted">
              {formatChinaTime(t.doneAt, 'MM-DD HH:mm')} 完成：{t.note || '以联系记录完成'}
            </View>
          ) : null}
        </View>
      ))}
      {p.topic.can.research ? <AssignForm id={p.topic._id} onDone={p.onChanged} /> : null}
    </View>
  );
}

function AssignForm(p: { id: string; onDone: () => void }) {
  const [task, setTask] = useState('');
  const [dueOn, setDueOn] = useState(formatChinaTime(new Date(Date.now() + 7 * 86_400_000), 'YYYY-MM-DD'));
  const [q, setQ] = useState('');
  const [memberIds, setMembers] = useState<string[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const search = useQuery('notice.options', q.trim() ? { q: q.trim() } : null, q.trim());
  const m = useMutation('topic.assignResearch');
  const save = async () => {
    if (await m.run({ id: p.id, memberIds, task: task.trim(), dueOn })) {
      setTask('');
      setMembers([]);
      p.onDone();
    }
  };
  return (
    <View className="topic-form">
      <Field label="调研任务" required error={m.fieldErrors.task}>
        <TextArea value={task} maxLength={500} placeholder="例如：走访西关社区居民，了解停车需求" onChange={setTask} />
      </Field>
      <Field label="完成时限" required error={m.fieldErrors.dueOn}>
        <Picker mode="date" value={dueOn} onChange={(x) => setDueOn(String(x.detail.value))}>
          <View className="picker-box">{dueOn}</View>
        </Picker>
      </Field>
      <View className="field__label">调研委员</View>
      <Input value={q} maxLength={20} placeholder="输入姓名查找委员" onChange={setQ} />
      {search.data ? (
        <TargetGroups
          options={search.data.members}
          chosen={memberIds}
          filter=""
          onToggle={(o) => {
            setNames((n) => ({ ...n, [o._id]: o.name }));
            setMembers(memberIds.includes(o._id) ? memberIds.filter((x) => x !== o._id) : [...memberIds, o._id]);
          }}
          onSet={(ids, on, n) => {
            setNames((x) => ({ ...x, ...n }));
            setMembers(on ? [...new Set([...memberIds, ...ids])] : memberIds.filter((x) => !ids.includes(x)));
          }}
        />
      ) : null}
      {memberIds.length ? (
        <View className="muted">已选：{memberIds.map((id) => names[id] ?? id).join('、')}</View>
      ) : null}
      <FormError error={m.error} fieldErrors={m.fieldErrors} />
      <Button loading={m.loading} onClick={() => void save()}>
        布置调研任务
      </Button>
    </View>
  );
}
