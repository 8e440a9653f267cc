import { openWorkbook } from '../../services/download';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { FollowUpFilter, RecipientRow } from '@lxq/types';
import { NOTICE_STATUS_LABELS } from '@lxq/types/domain/notice';
import { ListState } from '../../components/ListState';
import { AttachmentList, NoticeBody } from '../../components/NoticeBody';
import { StaffScreen } from '../components/StaffScreen';
import { useMutation } from '../../hooks/useMutation';
import { usePaged } from '../../hooks/usePaged';
import { toCallError } from '../../services/errors';
import { runExport, type ExportDone } from '../../services/exportJob';
import { Button } from '../../ui/button';
import { Tabs } from '../../ui/tabs';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

const FILTERS: { key: FollowUpFilter; label: string; meetingOnly?: boolean }[] = [
  { key: 'all', label: '全部' },
  { key: 'unread', label: '未读' },
  { key: 'read', label: '已读' },
  { key: 'unreachable', label: '未能推送' },
  { key: 'attending', label: '参加', meetingOnly: true },
  { key: 'absent', label: '不参加', meetingOnly: true },
  { key: 'noReply', label: '未回执', meetingOnly: true },
];

/** While a notice goes out, how often the sender's figures are asked again. */
const PROGRESS_POLL_MS = 3000;

export default function NoticeFollowUpPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const [filter, setFilter] = useState<FollowUpFilter>('all');
  const [showBody, setShowBody] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportNote, setExportNote] = useState('');
  const [link, setLink] = useState<ExportDone | null>(null);
  const list = usePaged('notice.followUp', { id, filter }, { pageSize: 50, key: `${id}-${filter}`, enabled: !!id });
  const remind = useMutation('notice.remind');
  const cancel = useMutation('notice.cancel');
  const f = list.last;
  const n = f?.notice;
  const c = f?.counts;

  // Delivery runs in the background: while some are still to reach, the figures are asked again,
  // only while this page is in front (a hidden or closed page asks nothing).
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  const going = !!c && (c.pending > 0 || n?.status === 'preparing');
  const { reload } = list;
  useEffect(() => {
    if (!going || !shown) return;
    const t = setInterval(() => void reload(), PROGRESS_POLL_MS);
    return () => clearInterval(t);
  }, [going, shown, reload]);

  const onRemind = async () => {
    const unread = (c?.recipients ?? 0) - (c?.read ?? 0);
    const { confirm } = await Taro.showModal({
      title: '提醒未读',
      content: `向 ${unread} 位未读的人再发一次站内提醒和微信提醒？24 小时内只能提醒一次。`,
      confirmText: '提醒',
      cancelText: '取消',
    });
    if (!confirm) return;
    const res = await remind.run({ id });
    if (res) {
      void Taro.showToast({ title: `已提醒 ${res.reminded} 人`, icon: 'success' });
      void list.reload();
    }
  };

  const onCancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消定时通知',
      content: `取消后这条通知不会发出（原定 ${formatChinaTime(n?.sendAt ?? '')}），且不能恢复。确定取消？`,
      confirmText: '取消通知',
      cancelText: '再想想',
    });
    if (!confirm) return;
    if (await cancel.run({ id })) {
      void Taro.showToast({ title: '已取消', icon: 'success' });
      void list.reload();
    }
  };

  // The tab on screen, through the one export job; its progress, then a link, beside the button.
  const onExport = async () => {
    setExporting(true);
    setLink(null);
    try {
      const done = await runExport({ kind: 'receipts', receipts: { noticeId: id, filter } }, setExportNote);
      setExportNote(done.text);
      setLink(done);
    } catch (e) {
      setExportNote('');
      void Taro.showToast({ title: toCallError(e).message, icon: 'none' });
    } finally {
      setExporting(false);
    }
  };

  if (!n || !c) {
    return (
      <StaffScreen wide>
        <ListState list={list} emptyText="没有找到这条通知" />
      </StaffScreen>
    );
  }
  const waiting = n.status === 'scheduled' || n.status === 'cancelled';
  const pct = (x: number) => (c.recipients ? `${Math.round((x / c.recipients) * 100)}%` : '—');
  return (
    <StaffScreen wide>
      <View className="card">
        <View className="row">
          <Text className="card-title" style={{ flex: 1 }}>
            {n.title}
          </Text>
          <Text className={`chip notice-status notice-status--${n.status}`}>{NOTICE_STATUS_LABELS[n.status]}</Text>
        </View>
        <View className="muted">
          {n.targetSummary} · {n.createdByName} ·{' '}
          {waiting
            ? `${n.status === 'scheduled' ? '定时' : '原定'} ${formatChinaTime(n.sendAt)}`
            : formatChinaTime(n.sentAt || n.sendAt)}
        </View>
        {n.meeting ? (
          <View className="muted">
            会议：{formatChinaTime(n.meeting.at)} · {n.meeting.place} · 回执截止{' '}
            {formatChinaTime(n.meeting.replyBy, 'YYYY-MM-DD')}
          </View>
        ) : null}
        {n.attachments.length > 0 && <AttachmentList items={n.attachments} />}
        <Text className="link" onClick={() => setShowBody(!showBody)}>
          {showBody ? '收起正文' : '查看正文'}
        </Text>
        {showBody && <NoticeBody text={n.body} />}
      </View>

      {n.status === 'scheduled' && (
        <View className="card scheduled">
          <View className="row">
            <View className="scheduled__text">
              将于 {formatChinaTime(n.sendAt)} 发送{n.recipientCount ? `给 ${n.recipientCount} 人` : ''}
              ；发出前可以取消。
            </View>
            <Button size="small" loading={cancel.loading} onClick={() => void onCancel()}>
              取消发送
            </Button>
          </View>
          {cancel.error ? <View className="banner-error">{cancel.error.message}</View> : null}
        </View>
      )}
      {n.status === 'cancelled' && (
        <View className="card scheduled scheduled--cancelled">
          已由 {n.cancelledByName} 于 {formatChinaTime(n.cancelledAt)} 取消，这条通知没有发出。
        </View>
      )}

      {/* Not sent (yet): nobody to count or follow up. */}
      {!waiting && (
        <>
          <View className="follow-counts">
            <Count label="接收人" value={c.recipients} />
            <Count label="站内送达" value={c.delivered} />
            <Count label="待送达" value={c.pending} />
            <Count label="微信推送" value={c.pushed} />
            <Count label="未能推送" value={c.unreachable} warn={c.unreachable > 0} />
            <Count label={`已读 ${pct(c.read)}`} value={`${c.read}/${c.recipients}`} />
            {n.meeting && <Count label="参加 / 不参加" value={`${c.attending} / ${c.absent}`} />}
          </View>

          <View className="row" style={{ gap: '16px', marginBottom: '16px' }}>
            <Button
              type="primary"
              size="small"
              loading={remind.loading}
              disabled={!!f.remindAfter || c.read >= c.recipients}
              onClick={() => void onRemind()}
            >
              提醒未读
            </Button>
            <Button size="small" loading={exporting} onClick={() => void onExport()}>
              导出 Excel
            </Button>
            {exportNote ? <Text className="muted">{exportNote}</Text> : null}
            {link && !exporting ? (
              <Text className="link" onClick={() => void openWorkbook(link.url, link.fileName)}>
                下载 {link.fileName}
              </Text>
            ) : null}
            <View className="spacer" />
            {f.remindAfter ? (
              <Text className="muted">{formatChinaTime(f.remindAfter, 'M月D日 HH:mm')} 后可再次提醒</Text>
            ) : null}
          </View>
          {remind.error ? <View className="banner-error">{remind.error.message}</View> : null}

          <Tabs
            className="staff-tabs"
            value={filter}
            activeType="line"
            duration={0}
            onChange={(v) => setFilter(v as FollowUpFilter)}
          >
            {FILTERS.filter((x) => !x.meetingOnly || n.meeting).map((x) => (
              <Tabs.TabPane key={x.key} title={x.label} value={x.key} />
            ))}
          </Tabs>

          <View className="follow-table">
            <View className="follow-table__row follow-table__row--head">
              <Text className="follow-table__name">姓名</Text>
              <Text className="follow-table__cell">送达 / 推送</Text>
              <Text className="follow-table__cell">阅读</Text>
              {n.meeting && <Text className="follow-table__cell">回执</Text>}
            </View>
            {list.items.map((r) => (
              <Row key={r._id} r={r} meeting={!!n.meeting} />
            ))}
          </View>
          <ListState list={list} emptyText="没有符合条件的人" />
        </>
      )}
    </StaffScreen>
  );
}

function Count({ label, value, warn }: { label: string; value: number | string; warn?: boolean }) {
  return (
    <View className="follow-counts__item">
      <View className={`follow-counts__num ${warn ? 'warn' : ''}`}>{value}</View>
      <View className="muted">{label}</View>
    </View>
  );
}

function Row({ r, meeting }: { r: RecipientRow; meeting: boolean }) {
  return (
    <View className="follow-table__row">
      <View className="follow-table__name">
        <View>{r.name}</View>
        <View className="muted">{r.sectorName}</View>
      </View>
      <View className="follow-table__cell">
        <View className={r.delivered ? 'ok' : 'muted'}>
          {r.delivered ? '已送达' : r.push === 'unbound' ? '—' : '送达中'}
        </View>
        {r.push === 'sent' ? (
          <View className="ok">已推送</View>
        ) : r.unreachable ? (
          <View className="warn">{r.unreachable}</View>
        ) : null}
      </View>
      <View className="follow-table__cell">
        {r.readAt ? (
          <Text className="ok">已读 {formatChinaTime(r.readAt, 'MM-DD HH:mm')}</Text>
        ) : (
          <Text className="muted">未读</Text>
        )}
      </View>
      {meeting && (
        <View className="follow-table__cell">
          {r.reply ? (
            r.reply.attending ? (
              <Text className="ok">参加</Text>
            ) : (
              <Text className="warn">不参加：{r.reply.reason}</Text>
            )
          ) : (
            <Text className="muted">未回执</Text>
          )}
        </View>
      )}
    </View>
  );
}
