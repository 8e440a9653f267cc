import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { NoticeOption, NoticeTargetRole, NoticeTargets, Resolution } from '@lxq/types';
import { NOTICE_TEMPLATES } from '@lxq/types/domain/notice';
import { ROLE_LABELS } from '@lxq/types/roles';
import { Field } from '../../components/Field';
import { StaffScreen } from '../components/StaffScreen';
import { NoticeBody } from '../../components/NoticeBody';
import { TargetGroups } from './TargetGroups';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { toCallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Switch } from '../../ui/switch';
import { TextArea } from '../../ui/textarea';
import { formatChinaTime } from '../../utils/time';
import { AttachmentPicker, type PickedFile } from './AttachmentPicker';
import './index.scss';

type Key = keyof Omit<NoticeTargets, 'roles'>;
const EMPTY: NoticeTargets = { sectorIds: [], committeeIds: [], workstationIds: [], roles: [], userIds: [] };
const ROLES: NoticeTargetRole[] = ['member', 'staff'];

/** China time as ISO text with its offset, whatever zone the phone is in. */
const chinaIso = (date: string, time = '00:00') => `${date}T${time}:00+08:00`;
const chinaDay = (daysAhead: number) => formatChinaTime(new Date(Date.now() + daysAhead * 86_400_000), 'YYYY-MM-DD');

export default function ComposeNoticePage() {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [withMeeting, setMeeting] = useState(false);
  const [meetDate, setMeetDate] = useState('');
  const [meetTime, setMeetTime] = useState('09:00');
  const [place, setPlace] = useState('');
  const [replyBy, setReplyBy] = useState('');
  const [later, setLater] = useState(false);
  const [sendDate, setSendDate] = useState('');
  const [sendTime, setSendTime] = useState('09:00');
  const [targets, setTargets] = useState<NoticeTargets>(EMPTY);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [q, setQ] = useState('');
  const [targetFilter, setTargetFilter] = useState('');
  const [resolved, setResolved] = useState<Resolution | null>(null);
  const [resolveError, setResolveError] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const { me } = useMe();
  const options = useQuery('notice.options', {}, 'all');
  const search = useQuery('notice.options', q.trim() ? { q: q.trim() } : null, q.trim());
  const send = useMutation('notice.send');
  const errors = send.fieldErrors;

  // A meeting gets sensible dates to start from: in three days, replies by the day before.
  const setWithMeeting = (on: boolean) => {
    setMeeting(on);
    if (on && !meetDate) {
      setMeetDate(chinaDay(3));
      setReplyBy(chinaDay(2));
    }
  };

  const chosen = useMemo(() => Object.values(targets).reduce((a, l) => a + l.length, 0), [targets]);
  useEffect(() => {
    setResolved(null);
    setResolveError('');
    if (!chosen) return;
    let live = true;
    const t = setTimeout(() => {
      call('notice.resolve', { targets })
        .then((r) => live && setResolved(r))
        .catch((e) => live && setResolveError(toCallError(e).message));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [targets, chosen]);

  const toggle = (key: Key, id: string, name: string) => {
    send.clearFieldError('targets');
    setPicked((p) => ({ ...p, [id]: name }));
    setTargets((t) => ({ ...t, [key]: t[key].includes(id) ? t[key].filter((x) => x !== id) : [...t[key], id] }));
  };
  const setMany = (key: Key, ids: string[], on: boolean, names: Record<string, string>) => {
    send.clearFieldError('targets');
    setPicked((p) => ({ ...p, ...names }));
    setTargets((t) => ({
      ...t,
      [key]: on ? [...new Set([...t[key], ...ids])] : t[key].filter((x) => !ids.includes(x)),
    }));
  };
  const toggleRole = (r: NoticeTargetRole) => {
    send.clearFieldError('targets');
    setTargets((t) => ({ ...t, roles: t.roles.includes(r) ? t.roles.filter((x) => x !== r) : [...t.roles, r] }));
  };

  const applyTemplate = (key: string) => {
    const t = NOTICE_TEMPLATES.find((x) => x.key === key);
    if (!t) return;
    setTitle(t.title);
    setBody(t.body);
    setWithMeeting(t.meeting);
    send.reset();
  };

  const onSend = async () => {
    const count = resolved?.count ?? 0;
    const when = later && sendDate ? `于 ${sendDate} ${sendTime} 定时` : '立即';
    const { confirm } = await Taro.showModal({
      title: '确认发送',
      content: `${when}发送给 ${count} 人${files.length ? `（含 ${files.length} 个附件）` : ''}？${
        later ? '发出前可在通知详情中取消。' : '发出后不能撤回。'
      }`,
      confirmText: '发送',
      cancelText: '再看看',
    });
    if (!confirm) return;
    const res = await send.run({
      title: title.trim(),
      body: body.trim(),
      attachments: files,
      targets,
      meeting: withMeeting
        ? {
            at: meetDate ? chinaIso(meetDate, meetTime) : '',
            place: place.trim(),
            replyBy: replyBy ? chinaIso(replyBy) : '',
          }
        : undefined,
      sendAt: later ? (sendDate ? chinaIso(sendDate, sendTime) : '') : undefined,
      // Refused as a repeat of one sent earlier (the message says when): sending again confirms it.
      repeat: send.error?.code === 'CONFLICT',
    });
    if (res) {
      void Taro.showToast({ title: res.status === 'scheduled' ? '已定时' : '已发送', icon: 'success' });
      void Taro.redirectTo({ url: `/staff/notices/detail?id=${res._id}` });
    }
  };

  const o = options.data;
  const general = send.error && !Object.keys(send.fieldErrors).length ? send.error.message : '';
  const fileErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith('attachments'))
    .map(([, v]) => v)
    .join('；');
  const chips = (key: Key, list: NoticeOption[]) => (
    <TargetGroups
      options={list}
      chosen={targets[key]}
      filter={targetFilter}
      onToggle={(x) => toggle(key, x._id, x.name)}
      onSet={(ids, on, names) => setMany(key, ids, on, names)}
    />
  );

  return (
    <StaffScreen wide>
      <View className="card">
        <View className="field__label">模板</View>
        <View className="templates">
          {NOTICE_TEMPLATES.map((t) => (
            <Button key={t.key} size="small" fill="outline" onClick={() => applyTemplate(t.key)}>
              {t.name}
            </Button>
          ))}
        </View>
        <Field label="标题" required error={errors.title}>
          <Input
            value={title}
            maxLength={60}
            placeholder="例如：关于召开界别委员座谈会的通知"
            onChange={(v) => {
              setTitle(v);
              send.clearFieldError('title');
            }}
          />
        </Field>
        <Field label="正文" required error={errors.body} hint="空一行分段；**加粗**；[链接文字](https://…)">
          <TextArea
            value={body}
            maxLength={5000}
            rows={10}
            showCount
            placeholder="通知正文"
            onChange={(v) => {
              setBody(v);
              send.clearFieldError('body');
            }}
          />
        </Field>
        {body.trim() ? (
          <View className="preview">
            <View className="preview__label">预览（委员看到的样子）</View>
            <NoticeBody text={body} />
          </View>
        ) : null}
        <Field label="附件">
          <AttachmentPicker
            openid={me?.openid ?? ''}
            value={files}
            error={fileErrors}
            onChange={(v) => {
              setFiles(v);
              for (const k of Object.keys(errors)) if (k.startsWith('attachments')) send.clearFieldError(k);
            }}
          />
        </Field>
        <View className="row" style={{ marginBottom: '16px' }}>
          <View className="field__label">会议通知（需要参会回执）</View>
          <View className="spacer" />
          <Switch checked={withMeeting} onChange={(v) => setWithMeeting(v)} />
        </View>
        {withMeeting && (
          <>
            <Field label="会议时间" required error={errors['meeting.at']}>
              <View className="when">
                <Picker mode="date" value={meetDate} onChange={(e) => setMeetDate(String(e.detail.value))}>
                  <View className={`picker-box ${meetDate ? '' : 'picker-box--empty'}`}>{meetDate || '选择日期'}</View>
                </Picker>
                <Picker mode="time" value={meetTime} onChange={(e) => setMeetTime(String(e.detail.value))}>
                  <View className="picker-box">{meetTime}</View>
                </Picker>
              </View>
            </Field>
            <Field label="会议地点" required error={errors['meeting.place']}>
              <Input value={place} maxLength={60} placeholder="例如：县政协三楼会议室" onChange={setPlace} />
            </Field>
            <Field label="回执截止日期" required error={errors['meeting.replyBy']}>
              <Picker mode="date" value={replyBy} onChange={(e) => setReplyBy(String(e.detail.value))}>
                <View className={`picker-box ${replyBy ? '' : 'picker-box--empty'}`}>{replyBy || '选择日期'}</View>
              </Picker>
            </Field>
          </>
        )}
      </View>

      <View className="card">
        <View className="card-title">发送对象</View>
        <View className="muted">可任意组合；只包含您管辖范围内的人员</View>
        {options.error ? <View className="banner-error">{options.error.message}</View> : null}
        <View className="field__label" style={{ marginTop: '24px' }}>
          角色
        </View>
        <View className="pick">
          {ROLES.map((r) => (
            <Text
              key={r}
              className={`pick__item ${targets.roles.includes(r) ? 'pick__item--on' : ''}`}
              onClick={() => toggleRole(r)}
            >
              全部{ROLE_LABELS[r]}
            </Text>
          ))}
        </View>
        <View className="tfilter">
          <Input
            value={targetFilter}
            maxLength={20}
            placeholder="筛选界别、专委会、工作站或单位名称"
            clearable
            onChange={setTargetFilter}
          />
        </View>
        <View className="field__label">界别</View>
        {o ? chips('sectorIds', o.sectors) : <View className="muted">加载中…</View>}
        {o && o.committees.length > 0 && (
          <>
            <View className="field__label">专委会</View>
            {chips('committeeIds', o.committees)}
          </>
        )}
        {o && o.workstations.length > 0 && (
          <>
            <View className="field__label">委员工作站</View>
            {chips('workstationIds', o.workstations)}
          </>
        )}
        <View className="field__label">指定委员</View>
        <Input value={q} maxLength={20} placeholder="输入姓名查找委员" onChange={setQ} />
        {search.data && chips('userIds', search.data.members)}
        {targets.userIds.length > 0 && (
          <View className="muted">已选：{targets.userIds.map((id) => picked[id] ?? id).join('、')}</View>
        )}

        {errors.targets ? <View className="field__error">{errors.targets}</View> : null}
        {chosen > 0 && (
          <View className={`resolved ${resolveError || resolved?.count === 0 ? 'resolved--empty' : ''}`}>
            {resolveError ? (
              <Text className="warn">{resolveError}</Text>
            ) : !resolved ? (
              <Text className="muted">正在统计接收人…</Text>
            ) : (
              <>
                <View className="resolved__count">将发送给 {resolved.count} 人</View>
                <View className="muted">
                  {resolved.targets.map((t) => (
                    <Text key={`${t.kind}-${t.id}`} className={t.count ? '' : 'warn'}>
                      {t.name} {t.count} 人；{' '}
                    </Text>
                  ))}
                </View>
                <View className="muted">
                  {resolved.sample.map((s) => s.name).join('、')}
                  {resolved.count > resolved.sample.length ? ' 等' : ''}
                </View>
              </>
            )}
          </View>
        )}
      </View>

      <View className="card">
        <View className="row">
          <View className="field__label">定时发送</View>
          <View className="spacer" />
          <Switch checked={later} onChange={(v) => setLater(v)} />
        </View>
        {later && (
          <Field label="发送时间" required error={errors.sendAt}>
            <View className="when">
              <Picker mode="date" value={sendDate} onChange={(e) => setSendDate(String(e.detail.value))}>
                <View className={`picker-box ${sendDate ? '' : 'picker-box--empty'}`}>{sendDate || '选择日期'}</View>
              </Picker>
              <Picker mode="time" value={sendTime} onChange={(e) => setSendTime(String(e.detail.value))}>
                <View className="picker-box">{sendTime}</View>
              </Picker>
            </View>
          </Field>
        )}
        {!later && (
          <View className="muted">现在是 {formatChinaTime(new Date())}，发送后立即送达收件箱并推送微信提醒。</View>
        )}
      </View>

      {general ? <View className="banner-error">{general}</View> : null}
      <Button
        type="primary"
        block
        size="large"
        loading={send.loading}
        disabled={send.loading || !resolved || resolved.count === 0}
        onClick={() => void onSend()}
      >
        {later ? '定时发送' : '发送'}
        {resolved?.count ? `（${resolved.count} 人）` : ''}
      </Button>
    </StaffScreen>
  );
}
