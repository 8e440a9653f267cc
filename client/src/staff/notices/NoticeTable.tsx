import Taro from '@tarojs/taro';
import type { NoticeListItem } from '@lxq/types';
import { NOTICE_STATUS_LABELS } from '@lxq/types/domain/notice';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { randomId } from '../../services/random';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { useTableState } from '../components/useTableState';

const COLUMNS: Column<NoticeListItem>[] = [
  { key: 'title', title: '标题', wrap: true, fixed: true, render: (n) => n.title, sortValue: (n) => n.title },
  {
    key: 'targets',
    wrap: true,
    title: '发送对象',
    render: (n) => `${n.meeting ? '会议 · ' : ''}${n.targetSummary}`,
  },
  {
    key: 'status',
    title: '状态',
    render: (n) => NOTICE_STATUS_LABELS[n.status],
    sortValue: (n) => n.status,
  },
  {
    key: 'read',
    title: '已读',
    render: (n) => (n.status === 'sent' || n.status === 'sending' ? `${n.readCount}/${n.recipientCount}` : '—'),
    sortValue: (n) => (n.recipientCount ? n.readCount / n.recipientCount : -1),
  },
  { key: 'by', title: '发件人', render: (n) => n.createdByName, sortValue: (n) => n.createdByName },
  {
    key: 'at',
    title: '发送时间',
    render: (n) => formatChinaTime(n.sendAt || n.createdAt),
    sortValue: (n) => n.sendAt || n.createdAt,
  },
];

/** The unit's notices as a table (desktop console); a row opens its follow-up. */
export function NoticeTable() {
  const [state, set] = useTableState({});
  const input = { page: Number(state.page) || 1, pageSize: Number(state.size) || 20 };
  const list = useQuery('notice.list', input, JSON.stringify(input));
  return (
    <DataTable
      label="通知"
      columns={COLUMNS}
      rows={list.data?.items ?? []}
      rowKey={(n) => n._id}
      total={list.data?.total ?? 0}
      loading={list.loading && !list.data}
      error={list.error?.message}
      state={state}
      setState={set}
      bulk={[
        {
          label: '提醒未读',
          applies: (n) => n.status === 'sent' && n.readCount < n.recipientCount,
          run: async (rows) => {
            let reminded = 0;
            const refused: string[] = [];
            for (const n of rows) {
              try {
                reminded += (await call('notice.remind', { id: n._id }, { requestId: randomId() })).reminded;
              } catch (e) {
                refused.push(`「${n.title}」${(e as Error).message}`);
              }
            }
            void list.reload();
            return `已提醒 ${reminded} 人${refused.length ? `；${refused.join('；')}` : ''}`;
          },
        },
      ]}
      onOpen={(n) => void Taro.navigateTo({ url: `/staff/notices/detail?id=${n._id}` })}
      emptyText="还没有发过通知"
    />
  );
}
