import { Pending } from '../../components/LoadFailed';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AssigneeKind, ConcernLinkKind } from '@lxq/types';
import {
  ASSIGNEE_KINDS,
  ASSIGNEE_KIND_LABELS,
  CONCERN_LINK_KINDS,
  CONCERN_LINK_LABELS,
  CONCERN_STATUS_LABELS,
} from '@lxq/types/domain/concern';
import { ConcernHead, ReplyCard, Timeline } from '../../components/ConcernParts';
import { Field } from '../../components/Field';
import { HandleConcern } from '../../components/ReplyForm';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { toCallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Loading } from '../../ui/loading';
import { TextArea } from '../../ui/textarea';
import { formatChinaTime } from '../../utils/time';
import { AssignPicker } from './AssignPicker';
import { useEscape } from '../components/useEscape';
import './Triage.scss';

type Panel = 'reject' | 'duplicate' | 'assign' | 'note' | 'link' | null;

/**
 * Triage one concern: accept, reject with a reason, merge, assign, notes, close. Its own page on
 * a phone; beside the queue on a PC, where `onChanged` refreshes the queue's row.
 */
export function ConcernTriage({ id, onChanged }: { id: string; onChanged?: () => void }) {
  const q = useQuery('concern.get', id ? { id } : null, id);
  const [panel, setPanel] = useState<Panel>(null);
  // Esc closes the form opened here (reject, assign, note …) before the panel around it.
  useEscape(() => setPanel(null), panel !== null);
  const c = q.data?._id === id ? q.data : undefined;
  const done = async () => {
    setPanel(null);
    await q.reload();
    onChanged?.();
  };

  if (!c) return <Pending query={q} missing="诉求不存在或已删除" />;

  return (
    <>
      <View className="staff-detail">
        <View className="staff-detail__main">
          <ConcernHead c={c} />
          {c.assignee ? (
            <View className="card muted">
              承办：{ASSIGNEE_KIND_LABELS[c.assignee.kind]} · {c.assignee.name}
            </View>
          ) : null}
          <ReplyCard reply={c.reply} />
          {c.rating ? (
            <View className="card">
              群众评价：{'★'.repeat(c.rating.score)}
              {c.rating.comment ? ` ${c.rating.comment}` : ''}
            </View>
          ) : null}
          <Timeline events={c.timeline} />
        </View>
        <View className="staff-detail__side">
          <Actions id={id} can={c.can} panel={panel} setPanel={setPanel} onDone={done} />
          <HandleConcern id={id} canStart={c.can.start} canReply={c.can.reply} onDone={() => void done()} />
          {c.can.link ? (
            <View className="card">
              <View className="card-title">关联成果（群众可见）</View>
              {c.links.length ? null : (
                <View className="muted">转为协商议题、社情民意信息或提案后，在此登记，群众可在诉求详情中看到。</View>
              )}
              {panel === 'link' ? (
                <LinkForm id={id} onDone={done} onCancel={() => setPanel(null)} />
              ) : (
                <Button size="small" onClick={() => setPanel('link')}>
                  添加关联
                </Button>
              )}
            </View>
          ) : null}
          <View className="card">
            <View className="card-title">内部备注（群众不可见）</View>
            {(c.notes ?? []).map((n, i) => (
              <View key={i} className="staff-note">
                <View className="muted">
                  {n.byName} · {formatChinaTime(n.at)}
                </View>
                <View>{n.text}</View>
              </View>
            ))}
            {panel === 'note' ? (
              <NoteForm id={id} onDone={done} onCancel={() => setPanel(null)} />
            ) : (
              <Button size="small" onClick={() => setPanel('note')}>
                添加备注
              </Button>
            )}
          </View>
        </View>
      </View>
    </>
  );
}

function Actions(p: {
  id: string;
  can: { accept: boolean; reject: boolean; duplicate: boolean; assign: boolean; close: boolean };
  panel: Panel;
  setPanel: (p: Panel) => void;
  onDone: () => Promise<void>;
}) {
  const accept = useMutation('concern.accept');
  const close = useMutation('concern.close');
  const { can, panel, setPanel } = p;
  if (!can.accept && !can.reject && !can.duplicate && !can.assign && !can.close) return null;
  const confirmThen = async (title: string, content: string, run: () => Promise<unknown>) => {
    const { confirm } = await Taro.showModal({ title, content, confirmText: '确定', cancelText: '取消' });
    if (confirm && (await run())) await p.onDone();
  };
  const error = accept.error ?? close.error;
  return (
    <View className="card">
      <View className="card-title">办理</View>
      <View className="action-bar">
        {can.accept ? (
          <Button
            type="primary"
            loading={accept.loading}
            onClick={() => void confirmThen('受理诉求', '受理后群众会收到通知。', () => accept.run({ id: p.id }))}
          >
            受理
          </Button>
        ) : null}
        {can.assign ? (
          <Button type="primary" fill="outline" onClick={() => setPanel('assign')}>
            {can.accept ? '交办' : '交办 / 改派'}
          </Button>
        ) : null}
        {can.duplicate ? <Button onClick={() => setPanel('duplicate')}>标记重复</Button> : null}
        {can.reject ? <Button onClick={() => setPanel('reject')}>不予受理</Button> : null}
        {can.close ? (
          <Button
            type="primary"
            loading={close.loading}
            onClick={() => void confirmThen('办结', '办结后将不能再答复，确定吗？', () => close.run({ id: p.id }))}
          >
            办结
          </Button>
        ) : null}
      </View>
      {error ? <View className="field__error">{error.message}</View> : null}
      {panel === 'reject' ? <RejectForm id={p.id} onDone={p.onDone} onCancel={() => setPanel(null)} /> : null}
      {panel === 'assign' ? <AssignForm id={p.id} onDone={p.onDone} onCancel={() => setPanel(null)} /> : null}
      {panel === 'duplicate' ? <DuplicateForm id={p.id} onDone={p.onDone} onCancel={() => setPanel(null)} /> : null}
    </View>
  );
}

function RejectForm(p: { id: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const reject = useMutation('concern.reject');
  const [reason, setReason] = useState('');
  const onReject = async () => {
    const { confirm } = await Taro.showModal({
      title: '不予受理',
      content: '理由会告知群众，确定不予受理吗？',
      confirmText: '确定',
      cancelText: '取消',
    });
    if (confirm && (await reject.run({ id: p.id, reason: reason.trim() }))) await p.onDone();
  };
  return (
    <View className="panel">
      <Field label="不予受理的理由（群众可见）" required error={reject.fieldErrors.reason}>
        <TextArea
          value={reason}
          maxLength={500}
          placeholder="例如：该事项已进入司法程序，不属于受理范围"
          onChange={(v) => {
            setReason(v);
            reject.clearFieldError('reason');
          }}
        />
      </Field>
      <View className="action-bar">
        <Button type="danger" loading={reject.loading} onClick={() => void onReject()}>
          确定不予受理
        </Button>
        <Button onClick={p.onCancel}>取消</Button>
      </View>
    </View>
  );
}

function AssignForm(p: { id: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [kind, setKind] = useState<AssigneeKind>('member');
  const options = useQuery('concern.assigneeOptions', { id: p.id, kind }, kind);
  const assign = useMutation('concern.assign');
  const [chosen, setChosen] = useState('');
  const [note, setNote] = useState('');
  const onAssign = async () => {
    if (!chosen) {
      void Taro.showToast({ title: `请选择${ASSIGNEE_KIND_LABELS[kind]}`, icon: 'none' });
      return;
    }
    if (await assign.run({ id: p.id, target: { kind, id: chosen }, note: note.trim() || undefined })) await p.onDone();
  };
  return (
    <View className="panel">
      <View className="action-bar">
        {ASSIGNEE_KINDS.map((k) => (
          <Button
            key={k}
            size="small"
            type={k === kind ? 'primary' : 'default'}
            onClick={() => {
              setKind(k);
              setChosen('');
            }}
          >
            {ASSIGNEE_KIND_LABELS[k]}
          </Button>
        ))}
      </View>
      <View className="options-wrap">
        {options.loading ? <Loading>加载中…</Loading> : null}
        {options.error ? <View className="field__error">{options.error.message}</View> : null}
        {options.data?.items.length ? (
          <AssignPicker options={options.data.items} chosen={chosen} onChoose={setChosen} />
        ) : null}
        {options.data && !options.data.items.length ? <View className="muted">暂无可选对象</View> : null}
      </View>
      <Field label="交办说明（选填 · 群众不可见）" error={assign.fieldErrors.note ?? assign.fieldErrors['target.id']}>
        <TextArea value={note} maxLength={500} placeholder="办理要求、时限等" onChange={setNote} />
      </Field>
      {assign.error && !Object.keys(assign.fieldErrors).length ? (
        <View className="field__error">{assign.error.message}</View>
      ) : null}
      <View className="action-bar">
        <Button type="primary" loading={assign.loading} onClick={() => void onAssign()}>
          确定交办
        </Button>
        <Button onClick={p.onCancel}>取消</Button>
      </View>
    </View>
  );
}

function DuplicateForm(p: { id: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const candidates = useQuery('concern.duplicateCandidates', { id: p.id }, p.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const merge = async (originalId: string, title: string) => {
    const { confirm } = await Taro.showModal({
      title: '标记为重复',
      content: `合并到「${title}」？群众将跟随原诉求的办理进度。`,
      confirmText: '合并',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    setError('');
    try {
      await call(
        'concern.markDuplicate',
        { id: p.id, originalId },
        { requestId: `dup_${p.id}_${originalId}`.slice(0, 64) },
      );
      await p.onDone();
    } catch (e) {
      setError(toCallError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="panel">
      <View className="muted">近 30 天内同类别 500 米内、或内容相似的诉求：</View>
      {candidates.loading ? <Loading>加载中…</Loading> : null}
      {candidates.data?.items.map((o) => (
        <View key={o._id} className="option" onClick={() => !busy && void merge(o._id, o.title)}>
          <Text>{o.title}</Text>
          <Text className="muted">
            {' '}
            {CONCERN_STATUS_LABELS[o.status]} · {o.why} · {formatChinaTime(o.createdAt, 'MM-DD')}
          </Text>
        </View>
      ))}
      {candidates.data && !candidates.data.items.length ? <View className="muted">没有找到相似的诉求</View> : null}
      {error ? <View className="field__error">{error}</View> : null}
      <Button onClick={p.onCancel}>取消</Button>
    </View>
  );
}

function LinkForm(p: { id: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const link = useMutation('concern.link');
  const [kind, setKind] = useState<ConcernLinkKind>('topic');
  const [title, setTitle] = useState('');
  const [refId, setRefId] = useState('');
  const onSave = async () => {
    const { confirm } = await Taro.showModal({
      title: '添加关联',
      content: `登记为${CONCERN_LINK_LABELS[kind]}「${title.trim() || '—'}」？群众将在诉求详情中看到。`,
      confirmText: '确定',
      cancelText: '取消',
    });
    if (!confirm) return;
    if (await link.run({ id: p.id, kind, title: title.trim(), refId: refId.trim() })) await p.onDone();
  };
  return (
    <View className="panel">
      <View className="action-bar">
        {CONCERN_LINK_KINDS.map((k) => (
          <Button key={k} size="small" type={k === kind ? 'primary' : 'default'} onClick={() => setKind(k)}>
            {CONCERN_LINK_LABELS[k]}
          </Button>
        ))}
      </View>
      <Field label="标题（群众可见）" required error={link.fieldErrors.title ?? link.fieldErrors.kind}>
        <Input
          value={title}
          maxLength={60}
          placeholder="例如：关于城区集中供热质量的提案"
          onChange={(v) => {
            setTitle(v);
            link.clearFieldError('title');
          }}
        />
      </Field>
      <Field label="编号或链接（选填 · 群众可见）" error={link.fieldErrors.refId}>
        <Input value={refId} maxLength={200} placeholder="例如：第 0123 号" onChange={setRefId} />
      </Field>
      {link.error && !Object.keys(link.fieldErrors).length ? (
        <View className="field__error">{link.error.message}</View>
      ) : null}
      <View className="action-bar">
        <Button type="primary" size="small" loading={link.loading} onClick={() => void onSave()}>
          保存关联
        </Button>
        <Button size="small" onClick={p.onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

function NoteForm(p: { id: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const add = useMutation('concern.addNote');
  const [text, setText] = useState('');
  return (
    <View className="panel">
      <Field label="备注（群众不可见）" error={add.fieldErrors.text}>
        <TextArea value={text} maxLength={500} placeholder="仅工作人员可见" onChange={setText} />
      </Field>
      <View className="action-bar">
        <Button
          type="primary"
          size="small"
          loading={add.loading}
          onClick={() => void add.run({ id: p.id, text: text.trim() }).then((r) => r && p.onDone())}
        >
          保存备注
        </Button>
        <Button size="small" onClick={p.onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
