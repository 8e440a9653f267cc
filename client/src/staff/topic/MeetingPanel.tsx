import { Image, Picker, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { ActionOutput, NoticeOption, TopicView } from '@lxq/types';
import { MEETING_OUTCOME_LABELS } from '@lxq/types/domain/topicMeeting';
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

type Participants = ActionOutput<'topic.participants'>;

type GroupKey = 'sectors' | 'committees' | 'workstations';
/** Members are invited by these groups (as a notice's targets) and by name. */
const GROUPS: [GroupKey, string][] = [
  ['sectors', '参会界别'],
  ['committees', '专委会'],
  ['workstations', '委员工作站'],
];

/** China time as ISO text with its offset, whatever zone the PC is in. */
const chinaIso = (date: string, time = '00:00') => `${date}T${time}:00+08:00`;

/**
 * 制定方案 / 协商议事: arrange the topic's meeting (it goes out as a meeting notice), then follow
 * who replied and who signed in by scanning the meeting's code, shown here for the meeting screen.
 */
export function MeetingPanel(p: { topic: TopicView; data: Participants | undefined; onChanged: () => void }) {
  const m = p.data?.meeting;
  if (!m && !p.topic.can.arrange) return null;
  return (
    <View className="card topic-meeting">
      <View className="card-title">协商会议</View>
      {m ? <FollowUp id={p.topic._id} data={p.data!} /> : <ArrangeForm topic={p.topic} onDone={p.onChanged} />}
    </View>
  );
}

function FollowUp(p: { id: string; data: Participants }) {
  const m = p.data.meeting!;
  const [showCode, setShowCode] = useState(false);
  const c = m.counts;
  return (
    <View>
      <View className="topic-meeting__head">
        {m.title} · {formatChinaTime(m.at, 'MM月DD日 HH:mm')} · {m.place}
      </View>
      <View className="muted">
        邀请委员 {c.invited} 人 · 回执参会 {c.attending} · 请假 {c.notAttending} · 按时签到 {c.onTime} · 迟到 {c.late}
        {m.closed ? ` · 缺席 ${c.absent}` : ''}
      </View>
      {m.guests.length ? (
        <View className="muted">特邀：{m.guests.map((g) => `${g.name}（${g.phone}）`).join('、')}</View>
      ) : null}
      {m.closed ? (
        <View className="muted">签到已于 {formatChinaTime(m.closesAt, 'MM月DD日 HH:mm')} 结束</View>
      ) : (
        <Button size="small" fill="outline" onClick={() => setShowCode(!showCode)}>
          {showCode ? '收起签到码' : '显示会议签到码'}
        </Button>
      )}
      {showCode && !m.closed ? <MeetingCode id={p.id} /> : null}
      <View className="topic-people">
        <View className="topic-people__row topic-people__row--head">
          <Text>委员</Text>
          <Text>参会回执</Text>
          <Text>签到</Text>
        </View>
        {p.data.people.map((x) => (
          <View key={x.userId} className="topic-people__row">
            <Text>{x.name}</Text>
            <Text className="muted">
              {x.reply ? (x.reply.attending ? '参加' : `请假：${x.reply.reason}`) : '未回复'}
            </Text>
            <Text className={`topic-outcome topic-outcome--${x.outcome}`}>
              {MEETING_OUTCOME_LABELS[x.outcome]}
              {x.signedInAt ? (
                <Text className="topic-outcome__at">{formatChinaTime(x.signedInAt, 'HH:mm')}</Text>
              ) : null}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** The rotating code for the meeting screen: a new one every 30 seconds. */
function MeetingCode(p: { id: string }) {
  const [tick, setTick] = useState(0);
  const q = useQuery('topic.meetingCode', { id: p.id }, `${p.id}:${tick}`);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, []);
  if (q.error) return <View className="field__error">{q.error.message}</View>;
  if (!q.data) return <View className="muted">正在生成签到码…</View>;
  return (
    <View className="topic-code">
      <Image className="topic-code__qr" src={q.data.qr} mode="aspectFit" />
      <View>
        <View className="muted">委员用“连心桥”扫码签到，或输入签到码</View>
        <View className="topic-code__digits">{q.data.code}</View>
        <View className="muted">每 30 秒更新</View>
      </View>
    </View>
  );
}

function ArrangeForm(p: { topic: TopicView; onDone: () => void }) {
  const today = formatChinaTime(new Date(), 'YYYY-MM-DD');
  const soon = formatChinaTime(new Date(Date.now() + 20 * 60_000), 'HH:mm');
  const [v, setV] = useState({
    title: `「${p.topic.title}」协商会`,
    place: '',
    date: today,
    time: soon,
    replyBy: today,
  });
  const [body, setBody] = useState('请围绕议题准备意见建议，按时参会，到场后扫描会场二维码签到。');
  const [groups, setGroups] = useState<Record<GroupKey, string[]>>({ sectors: [], committees: [], workstations: [] });
  const setGroup = (key: GroupKey, ids: string[], on: boolean) =>
    setGroups((g) => ({
      ...g,
      [key]: on ? [...new Set([...g[key], ...ids])] : g[key].filter((x) => !ids.includes(x)),
    }));
  const [userIds, setUsers] = useState<string[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [q, setQ] = useState('');
  const [guests, setGuests] = useState('');
  const options = useQuery('notice.options', {}, 'all');
  const search = useQuery('notice.options', q.trim() ? { q: q.trim() } : null, q.trim());
  const m = useMutation('topic.arrangeMeeting');
  const e = m.fieldErrors;
  const toggle = (list: string[], set: (l: string[]) => void, o: NoticeOption) => {
    setNames((n) => ({ ...n, [o._id]: o.name }));
    set(list.includes(o._id) ? list.filter((x) => x !== o._id) : [...list, o._id]);
  };
  const save = async () => {
    const guestList = guests
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [name = '', phone = ''] = l.split(/[\s,，]+/);
        return { name, phone };
      });
    const done = await m.run({
      id: p.topic._id,
      title: v.title.trim(),
      body: body.trim(),
      at: chinaIso(v.date, v.time),
      place: v.place.trim(),
      replyBy: chinaIso(v.replyBy),
      targets: {
        sectorIds: groups.sectors,
        committeeIds: groups.committees,
        workstationIds: groups.workstations,
        userIds,
      },
      guests: guestList,
    });
    if (done) p.onDone();
  };
  return (
    <View className="topic-form">
      <View className="muted">会议通知经“通知公告”发给所选委员，委员在通知中回执是否参会。</View>
      <Field label="会议名称" required error={e.title}>
        <Input value={v.title} maxLength={60} onChange={(x) => setV({ ...v, title: x })} />
      </Field>
      <Field label="会议时间" required error={e.at}>
        <View className="when">
          <Picker mode="date" value={v.date} onChange={(x) => setV({ ...v, date: String(x.detail.value) })}>
            <View className="picker-box">{v.date}</View>
          </Picker>
          <Picker mode="time" value={v.time} onChange={(x) => setV({ ...v, time: String(x.detail.value) })}>
            <View className="picker-box">{v.time}</View>
          </Picker>
        </View>
      </Field>
      <Field label="会议地点" required error={e.place}>
        <Input
          value={v.place}
          maxLength={60}
          placeholder="例如：会师镇委员工作站会议室"
          onChange={(x) => setV({ ...v, place: x })}
        />
      </Field>
      <Field label="回执截止日期" required error={e.replyBy}>
        <Picker mode="date" value={v.replyBy} onChange={(x) => setV({ ...v, replyBy: String(x.detail.value) })}>
          <View className="picker-box">{v.replyBy}</View>
        </Picker>
      </Field>
      <Field label="会议内容" required error={e.body}>
        <TextArea value={body} maxLength={2000} onChange={setBody} />
      </Field>
      {options.data ? (
        <>
          {GROUPS.map(([key, label]) =>
            options.data![key].length ? (
              <View key={key}>
                <View className="field__label">{label}</View>
                <TargetGroups
                  options={options.data![key]}
                  chosen={groups[key]}
                  filter=""
                  onToggle={(o) => setGroup(key, [o._id], !groups[key].includes(o._id))}
                  onSet={(ids, on) => setGroup(key, ids, on)}
                />
              </View>
            ) : null,
          )}
        </>
      ) : (
        <View className="muted">加载中…</View>
      )}
      <View className="field__label">指定委员</View>
      <Input value={q} maxLength={20} placeholder="输入姓名查找委员" onChange={setQ} />
      {search.data ? (
        <TargetGroups
          options={search.data.members}
          chosen={userIds}
          filter=""
          onToggle={(o) => toggle(userIds, setUsers, o)}
          onSet={(ids, on, n) => {
            setNames((x) => ({ ...x, ...n }));
            setUsers(on ? [...new Set([...userIds, ...ids])] : userIds.filter((x) => !ids.includes(x)));
          }}
        />
      ) : null}
      {userIds.length ? <View className="muted">已选：{userIds.map((id) => names[id] ?? id).join('、')}</View> : null}
      {e.targets ? <View className="field__error">{e.targets}</View> : null}
      <Field
        label="特邀人员（非委员）"
        hint="每行一人：姓名 手机号"
        error={Object.entries(e).find(([k]) => k.startsWith('guests'))?.[1]}
      >
        <TextArea value={guests} maxLength={800} placeholder="李明 13900000000" onChange={setGuests} />
      </Field>
      <FormError error={m.error} fieldErrors={m.fieldErrors} />
      <Button type="primary" loading={m.loading} onClick={() => void save()}>
        发出会议通知
      </Button>
    </View>
  );
}
