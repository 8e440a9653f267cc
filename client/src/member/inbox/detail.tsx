import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { NoticeView } from '@lxq/types';
import { Field } from '../../components/Field';
import { AttachmentList, NoticeBody } from '../../components/NoticeBody';
import { LoadFailed } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';
import { UNREAD_EVENT } from '../../hooks/useUnread';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Loading } from '../../ui/loading';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

export default function NoticeDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const notice = useQuery('notice.get', id ? { id } : null, id);
  useEffect(() => {
    // Opening it marked it read on the server: refresh the badge.
    if (notice.data)
      void call('account.listInbox', { pageSize: 1, unreadOnly: true })
        .then((r) => Taro.eventCenter.trigger(UNREAD_EVENT, r.unread))
        .catch(() => undefined);
  }, [notice.data]);

  if (notice.loading && !notice.data) {
    return (
      <Screen>
        <View className="list-footer">
          <Loading>加载中…</Loading>
        </View>
      </Screen>
    );
  }
  if (notice.error || !notice.data) {
    return (
      <Screen>
        <LoadFailed message={notice.error?.message ?? '这条通知不存在'} onRetry={() => void notice.reload()} />
      </Screen>
    );
  }
  const n = notice.data;
  return (
    <Screen>
      <View className="card notice-view">
        <View className="notice-view__title">{n.title}</View>
        <View className="muted">
          {n.unitName} · {n.createdByName} · {formatChinaTime(n.sentAt)}
        </View>
        <NoticeBody text={n.body} />
      </View>

      {n.attachments.length > 0 && (
        <View className="card">
          <View className="card-title">附件（{n.attachments.length}）</View>
          <AttachmentList items={n.attachments} onOpen={(i) => void openAttachment(n.attachments[i])} />
        </View>
      )}

      {n.meeting && <MeetingReply id={n._id} meeting={n.meeting} reply={n.reply} />}
    </Screen>
  );
}

function MeetingReply({
  id,
  meeting,
  reply,
}: Pick<NoticeView, 'reply'> & { id: string; meeting: NonNullable<NoticeView['meeting']> }) {
  const [current, setCurrent] = useState(reply);
  const [absent, setAbsent] = useState(false);
  const [reason, setReason] = useState('');
  const send = useMutation('notice.reply');

  const answer = async (attending: boolean) => {
    const res = await send.run({ id, attending, reason: attending ? undefined : reason.trim() });
    if (res) {
      setCurrent(res.reply);
      setAbsent(false);
      void Taro.showToast({ title: '回执已提交', icon: 'success' });
    }
  };

  return (
    <View className="card meeting">
      <View className="card-title">会议</View>
      <View className="meeting__row">
        <Text className="meeting__label">时间</Text>
        <Text>{formatChinaTime(meeting.at)}</Text>
      </View>
      <View className="meeting__row">
        <Text className="meeting__label">地点</Text>
        <Text>{meeting.place}</Text>
      </View>
      <View className="meeting__row">
        <Text className="meeting__label">回执截止</Text>
        <Text>{formatChinaTime(meeting.replyBy, 'YYYY-MM-DD')}</Text>
      </View>

      {current ? (
        <View className="meeting__done">
          {current.attending ? '✓ 已回执：参加' : `已回执：不参加（${current.reason}）`}
          <Text className="muted"> {formatChinaTime(current.at)}</Text>
        </View>
      ) : null}

      {meeting.open ? (
        <>
          {send.error && !Object.keys(send.fieldErrors).length ? (
            <View className="banner-error">{send.error.message}</View>
          ) : null}
          {absent ? (
            <>
              <Field label="不能参会的原因" required error={send.fieldErrors.reason}>
                <Input
                  value={reason}
                  maxLength={100}
                  placeholder="例如：外出调研，已安排同志代为参会"
                  onChange={(v) => {
                    setReason(v);
                    send.clearFieldError('reason');
                  }}
                />
              </Field>
              <View className="meeting__choices">
                <Button onClick={() => setAbsent(false)}>返回</Button>
                <Button type="primary" loading={send.loading} onClick={() => void answer(false)}>
                  提交不参加
                </Button>
              </View>
            </>
          ) : (
            <View className="meeting__choices">
              <Button type="primary" loading={send.loading} onClick={() => void answer(true)}>
                {current ? '改为参加' : '参加'}
              </Button>
              <Button onClick={() => setAbsent(true)}>{current && !current.attending ? '修改原因' : '不参加'}</Button>
            </View>
          )}
        </>
      ) : (
        <View className="muted" style={{ marginTop: '16px' }}>
          回执已截止
        </View>
      )}
    </View>
  );
}

async function openAttachment(a: NoticeView['attachments'][number]) {
  if (!a.url) {
    void Taro.showToast({ title: '附件链接已失效，请下拉刷新', icon: 'none' });
    return;
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(a.url, '_blank', 'noopener');
    return;
  }
  if (a.kind === 'image') {
    void Taro.previewImage({ urls: [a.url] });
    return;
  }
  const { tempFilePath } = await Taro.downloadFile({ url: a.url });
  void Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf' });
}
