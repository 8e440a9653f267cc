import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { ActionOutput } from '@lxq/types';
import { MEETING_OUTCOME_LABELS } from '@lxq/types/domain/topicMeeting';
import { Field } from '../../components/Field';
import { Pending } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { TextArea } from '../../ui/textarea';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

type Mine = ActionOutput<'topic.mine'>;

/** 协商议事: the member's consultation meetings (sign in by scanning the meeting's code) and research tasks. */
export default function MemberTopicPage() {
  const q = useQuery('topic.mine', {}, 'mine');
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()));
  const d = q.data;
  const reload = () => void q.reload();
  return (
    <Screen>
      {!d ? (
        <Pending query={q} />
      ) : (
        <>
          <View className="card">
            <View className="card-title">协商会议</View>
            {d.meetings.length ? null : <View className="muted">暂无受邀参加的协商会议</View>}
            {d.meetings.map((m) => (
              <MeetingCard key={m.topicId} meeting={m} onDone={reload} />
            ))}
          </View>
          <View className="card">
            <View className="card-title">议前调研</View>
            {d.tasks.length ? null : <View className="muted">暂无调研任务</View>}
            {d.tasks.map((t) => (
              <TaskCard key={t._id} task={t} onDone={reload} />
            ))}
          </View>
        </>
      )}
    </Screen>
  );
}

function MeetingCard(p: { meeting: Mine['meetings'][number]; onDone: () => void }) {
  const m = p.meeting;
  const checkIn = useMutation('topic.checkIn');
  const [typing, setTyping] = useState(false);
  const [code, setCode] = useState('');
  const send = async (text: string) => {
    const done = await checkIn.run({ topicId: m.topicId, code: text.trim() });
    if (done) {
      void Taro.showToast({ title: done.already ? '您已签到' : '签到成功', icon: 'success' });
      p.onDone();
    }
  };
  const scan = async () => {
    if (process.env.TARO_ENV !== 'weapp') return setTyping(true);
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await send(r.result);
    } catch {
      setTyping(true);
    }
  };
  return (
    <View className="mtopic">
      <View className="row">
        <Text className="mtopic__title">{m.title}</Text>
        <Text className={`chip mtopic__outcome mtopic__outcome--${m.outcome}`}>
          {MEETING_OUTCOME_LABELS[m.outcome]}
          {m.signedInAt ? ` ${formatChinaTime(m.signedInAt, 'HH:mm')}` : ''}
        </Text>
      </View>
      <View className="muted">
        {formatChinaTime(m.at, 'MM月DD日 HH:mm')} · {m.place}
      </View>
      {checkIn.error ? <View className="field__error">{checkIn.error.message}</View> : null}
      {m.open && m.outcome === 'pending' ? (
        <Button className="mtopic__act" type="primary" loading={checkIn.loading} onClick={() => void scan()}>
          扫码签到
        </Button>
      ) : null}
      {typing && m.outcome === 'pending' ? (
        <View className="mtopic__code">
          <Input value={code} maxLength={6} type="digit" placeholder="输入会场屏幕上的 6 位签到码" onChange={setCode} />
          <Button className="mtopic__act" type="primary" loading={checkIn.loading} onClick={() => void send(code)}>
            提交签到码
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function TaskCard(p: { task: Mine['tasks'][number]; onDone: () => void }) {
  const t = p.task;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [recordId, setRecordId] = useState('');
  const records = useQuery('liaison.mine', open ? { pageSize: 5 } : null, open ? 'open' : '');
  const close = useMutation('topic.closeTask');
  const save = async () => {
    const done = await close.run({ id: t._id, note: note.trim() || undefined, liaisonRecordId: recordId || undefined });
    if (done) {
      void Taro.showToast({ title: '已完成', icon: 'success' });
      p.onDone();
    }
  };
  return (
    <View className="mtopic">
      <View className="row">
        <Text className="mtopic__title">{t.title}</Text>
        <Text
          className={`chip ${t.status === 'done' ? 'mtopic__outcome--on_time' : t.overdue ? 'mtopic__outcome--absent' : 'mtopic__outcome--pending'}`}
        >
          {t.status === 'done' ? '已完成' : t.overdue ? '已超期' : `${t.dueOn} 前`}
        </Text>
      </View>
      <View>{t.task}</View>
      {t.overdue ? <View className="mtopic__late">完成时限 {t.dueOn} 已过，请尽快完成并填写调研情况</View> : null}
      {t.status === 'done' ? <View className="muted">调研情况：{t.note || '见所选联系记录'}</View> : null}
      {t.status === 'open' && !open ? (
        <Button className="mtopic__act" onClick={() => setOpen(true)}>
          填写调研情况
        </Button>
      ) : null}
      {t.status === 'open' && open ? (
        <View className="mtopic__form">
          <Field label="调研情况" error={close.fieldErrors.note}>
            <TextArea value={note} maxLength={1000} placeholder="调研了什么、了解到什么" onChange={setNote} />
          </Field>
          {records.data?.items.length ? (
            <View>
              <View className="muted">或选择一条联系记录：</View>
              <View className="pick">
                {records.data.items.map((r) => (
                  <Text
                    key={r._id}
                    className={`pick__item ${recordId === r._id ? 'pick__item--on' : ''}`}
                    onClick={() => setRecordId(recordId === r._id ? '' : r._id)}
                  >
                    {r.date} {r.summary.slice(0, 12)}
                  </Text>
                ))}
              </View>
            </View>
          ) : null}
          {close.error && !close.fieldErrors.note ? <View className="field__error">{close.error.message}</View> : null}
          <Button className="mtopic__act" type="primary" loading={close.loading} onClick={() => void save()}>
            完成调研
          </Button>
        </View>
      ) : null}
    </View>
  );
}
