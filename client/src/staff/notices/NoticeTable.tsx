import Taro from '@tarojs/taro';
import type { NoticeListItem } from '@lxq/types';
import { NOTICE_STATUS_LABELS, NOTICE_STATUSES, type NoticeStatus } from '@lxq/types/domain/notice';
import { call } from '../../services/call';
import { randomId } from '../../services/random';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { useStaffTable } from '../components/useStaffTable';

// Only the time to send is ordered by the server over every page (unit_path_send).
const COLUMNS: Column<NoticeListItem>[] = [
  { key: 'title', title: '标题', wrap: true, fixed: true, render: (n) => n.title },
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
  },
  {
    key: 'read',
    title: '已读',
    render: (n) => (n.status === 'sent' || n.status === 'sending' ? `${n.readCount}/${n.recipientCount}` : '—'),
  },
  { key: 'by', title: '发件人', render: (n) => n.createdByName },
  { key: 'at', title: '发送时间', render: (n) => formatChinaTime(n.sendAt || n.createdAt), serverSort: 'sendAt' },
];

/** The unit's notices as a table (desktop console); a row opens its follow-up. */
export function NoticeTable() {
  const { list, table } = useStaffTable('notice.list', {
    columns: COLUMNS,
    defaults: { status: '' },
    filters: (s) => (s.status ? { status: s.status as NoticeStatus } : {}),
    search: '搜索标题',
  });
  return (
    <DataTable
      label="通知"
      {...table}
      filters={[
        {
          key: 'status',
          label: '状态',
          kind: 'select',
          options: NOTICE_STATUSES.map((s) => ({ value: s, label: NOTICE_STATUS_LABELS[s] })),
        },
      ]}
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
