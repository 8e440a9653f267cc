import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { TopicView } from '@lxq/types';
import { TOPIC_STEP_LABELS, type TopicStep } from '@lxq/types/domain/topic';
import { uploadFolder } from '@lxq/types/domain/files';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Input } from '../../ui/input';
import { TextArea } from '../../ui/textarea';
import { AttachmentPicker, type PickedFile } from '../notices/AttachmentPicker';
import '../../components/choices.scss';

const NEXT_HINT: Partial<Record<TopicStep, string>> = {
  collect: '议题收集完成后进入议题确定，对照可协商、不可协商清单审查',
  plan: '方案制定后进入议前调研（不调研不协商）',
  research: '调研完成后召开协商会议',
  meeting: '整理协商建议清单后进入公开公示，议题页面对公众公开',
  publicity: '公示结束后提交组织决定',
  decision: '每条建议落实责任单位后进入跟踪落实',
};

/** What can be done at the current step: record the work, screen and confirm, move on or back. */
export function StepPanel(p: { topic: TopicView; onChanged: () => void }) {
  const t = p.topic;
  const done = () => p.onChanged();
  return (
    <View className="card">
      <View className="card-title">当前步骤：{TOPIC_STEP_LABELS[t.step]}</View>
      {t.can.screen ? <Screening topic={t} onDone={done} /> : null}
      {t.can.confirm || t.step === 'confirm' ? <Confirm topic={t} onDone={done} /> : null}
      {t.can.suggest ? <Suggestions topic={t} onDone={done} /> : null}
      {t.can.record ? <RecordForm topic={t} onDone={done} /> : null}
      <Moves topic={t} onDone={done} />
    </View>
  );
}

function RecordForm(p: { topic: TopicView; onDone: () => void }) {
  const { me } = useMe();
  const m = useMutation('topic.record');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const save = async () => {
    if (await m.run({ id: p.topic._id, text, attachments: files })) {
      setText('');
      setFiles([]);
      p.onDone();
    }
  };
  return (
    <View className="topic-form">
      <Field label="记录本步工作" error={m.fieldErrors.text} count={{ value: text, max: 2000 }}>
        <TextArea
          value={text}
          placeholder="做了什么、谁参加、形成了什么（方案、调研记录、会议纪要）"
          onChange={setText}
        />
      </Field>
      <AttachmentPicker
        openid={me?.openid ?? ''}
        folder={(openid) => uploadFolder('topic-files', openid)}
        value={files}
        onChange={setFiles}
        error={Object.entries(m.fieldErrors).find(([k]) => k.startsWith('attachments'))?.[1]}
      />
      <FormError error={m.error} fieldErrors={m.fieldErrors} />
      <Button loading={m.loading} onClick={() => void save()}>
        保存记录
      </Button>
    </View>
  );
}

function Screening(p: { topic: TopicView; onDone: () => void }) {
  const lists = useQuery('topic.screeningLists', {}, 'lists');
  const m = useMutation('topic.screen');
  const [may, setMay] = useState<string[]>(p.topic.screening?.may ?? []);
  const [mayNot, setMayNot] = useState<string[]>(p.topic.screening?.mayNot ?? []);
  useEffect(() => {
    setMay(p.topic.screening?.may ?? []);
    setMayNot(p.topic.screening?.mayNot ?? []);
  }, [p.topic.screening]);
  if (!lists.data) return null;
  const save = async () => {
    if (await m.run({ id: p.topic._id, may, mayNot })) p.onDone();
  };
  return (
    <View className="topic-form">
      <Field label="属于以下可协商事项（至少一项）">
        <Checkbox.Group className="choices topic-checks" value={may} onChange={(v) => setMay(v as string[])}>
          {lists.data.may.map((x) => (
            <Checkbox key={x} value={x}>
              {x}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Field>
      <Field label="涉及以下不可协商事项（勾选任意一项即不能确定）">
        <Checkbox.Group className="choices topic-checks" value={mayNot} onChange={(v) => setMayNot(v as string[])}>
          {lists.data.mayNot.map((x) => (
            <Checkbox key={x} value={x}>
              {x}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Field>
      {p.topic.screening ? (
        <View className={p.topic.screening.mayNot.length ? 'field__error' : 'muted'}>
          {p.topic.screening.mayNot.length
            ? `已审查：涉及不可协商事项，不能确定为协商议题`
            : `已审查（${p.topic.screening.byName}）：可以确定为协商议题`}
        </View>
      ) : null}
      <FormError error={m.error} fieldErrors={m.fieldErrors} />
      <Button loading={m.loading} onClick={() => void save()}>
        保存审查结果
      </Button>
    </View>
  );
}

function Confirm(p: { topic: TopicView; onDone: () => void }) {
  const m = useMutation('topic.confirm');
  const [body, setBody] = useState('');
  const [date, setDate] = useState(() => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  const save = async () => {
    if (await m.run({ id: p.topic._id, body, date })) p.onDone();
  };
  return (
    <View className="topic-form">
      <Field
        label="确定议题的组织"
        required
        error={m.fieldErrors.body}
        hint="党委（支部）+ 政协委员 + N，例如：会师镇党委+政协委员+群众代表"
      >
        <Input value={body} placeholder="会师镇党委+政协委员+群众代表" onChange={setBody} />
      </Field>
      <Field label="确定日期" required error={m.fieldErrors.date}>
        <Input value={date} placeholder="YYYY-MM-DD" onChange={setDate} />
      </Field>
      <FormError error={m.error} fieldErrors={m.fieldErrors} />
      <Button
        type="primary"

        loading={m.loading}
        disabled={!p.topic.can.confirm}
        onClick={() => void save()}
      >
        确定为协商议题
      </Button>
      {!p.topic.can.confirm ? (
        <View className="muted">先保存审查结果：属于可协商事项且不涉及不可协商事项，才能确定。</View>
      ) : null}
    </View>
  );
}

function Suggestions(p: { topic: TopicView; onDone: () => void }) {
  const m = useMutation('topic.suggest');
  const [text, setText] = useState(p.topic.items.map((i) => i.suggestion).join('\n'));
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const save = async () => {
    if (await m.run({ id: p.topic._id, suggestions: lines })) p.onDone();
  };
  const lineError = Object.entries(m.fieldErrors).find(([k]) => k.startsWith('suggestions'));
  return (
    <View className="topic-form">
      <Field label={`协商建议清单（每行一条，共 ${lines.length} 条）`} error={lineError?.[1]}>
        <TextArea value={text} placeholder={'协商会议达成的建议，每行一条'} onChange={setText} />
      </Field>
      <FormError error={m.error} fieldErrors={m.fieldErrors} />
      <Button loading={m.loading} onClick={() => void save()}>
        保存协商建议清单
      </Button>
    </View>
  );
}

function Moves(p: { topic: TopicView; onDone: () => void }) {
  const advance = useMutation('topic.advance');
  const back = useMutation('topic.back');
  const [reason, setReason] = useState('');
  const [backing, setBacking] = useState(false);
  const t = p.topic;
  const hint = NEXT_HINT[t.step];
  return (
    <View className="topic-moves">
      {hint && t.can.record ? <Text className="muted">{hint}</Text> : null}
      <View className="row topic-moves__buttons">
        {t.can.advance ? (
          <Button
            type="primary"

            loading={advance.loading}
            onClick={() => void advance.run({ id: t._id }).then((r) => r && p.onDone())}
          >
            完成本步，进入下一步
          </Button>
        ) : null}
        {t.can.back ? (
          <Button fill="outline" onClick={() => setBacking(!backing)}>
            退回上一步
          </Button>
        ) : null}
      </View>
      {backing ? (
        <View className="topic-form">
          <Field label="退回原因" required error={back.fieldErrors.reason}>
            <Input value={reason} placeholder="为什么退回（至少 4 个字）" onChange={setReason} />
          </Field>
          <Button
            loading={back.loading}
            onClick={() =>
              void back.run({ id: t._id, reason }).then((r) => {
                if (!r) return;
                setBacking(false);
                setReason('');
                p.onDone();
              })
            }
          >
            确定退回
          </Button>
        </View>
      ) : null}
      <FormError error={advance.error ?? (back.error && !back.fieldErrors.reason ? back.error : null)} />
    </View>
  );
}
