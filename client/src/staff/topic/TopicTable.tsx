import Taro, { useDidShow } from '@tarojs/taro';
import type { TopicListItem } from '@lxq/types';
import {
  TOPIC_FORM_LABELS,
  TOPIC_SOURCE_LABELS,
  TOPIC_SOURCES,
  TOPIC_STEP_LABELS,
  TOPIC_STEPS,
  type TopicSource,
  type TopicStep,
} from '@lxq/types/domain/topic';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { useStaffTable } from '../components/useStaffTable';

export const stepText = (t: { step: TopicStep; closed: boolean }) => (t.closed ? '已办结' : TOPIC_STEP_LABELS[t.step]);

// Only the time a topic was raised is ordered by the server over every page (unit_created).
const COLUMNS: Column<TopicListItem>[] = [
  { key: 'title', title: '议题', wrap: true, fixed: true, render: (t) => t.title },
  { key: 'source', title: '来源', render: (t) => TOPIC_SOURCE_LABELS[t.source] },
  { key: 'form', title: '形式', render: (t) => TOPIC_FORM_LABELS[t.form] },
  { key: 'step', title: '步骤', render: stepText },
  {
    key: 'lists',
    title: '清单（反馈/建议）',
    render: (t) => (t.items ? `${t.withResult}/${t.items}${t.overdue ? ` · 超期 ${t.overdue}` : ''}` : '—'),
  },
  { key: 'concerns', title: '关联诉求', render: (t) => (t.concerns ? String(t.concerns) : '—') },
  { key: 'at', title: '提出时间', render: (t) => formatChinaTime(t.createdAt), serverSort: 'createdAt' },
];

/** The subtree's topics as a table (desktop console), filtered by step and source; a row opens it. */
export function TopicTable() {
  const { list, table } = useStaffTable('topic.list', {
    columns: COLUMNS,
    defaults: { step: '', source: '' },
    filters: (s) => ({
      ...(s.step ? { step: s.step as TopicStep } : {}),
      ...(s.source ? { source: s.source as TopicSource } : {}),
    }),
    search: '搜索议题',
  });
  // Back from a topic (moved on, closed): show the list as it is now.
  useDidShow(() => {
    if (list.data) void list.reload();
  });
  return (
    <DataTable
      label="协商议题"
      {...table}
      filters={[
        {
          key: 'step',
          label: '步骤',
          kind: 'select',
          options: [
            { value: '', label: '全部步骤' },
            ...TOPIC_STEPS.map((s) => ({ value: s, label: TOPIC_STEP_LABELS[s] })),
          ],
        },
        {
          key: 'source',
          label: '来源',
          kind: 'select',
          options: [
            { value: '', label: '全部来源' },
            ...TOPIC_SOURCES.map((s) => ({ value: s, label: TOPIC_SOURCE_LABELS[s] })),
          ],
        },
      ]}
      rowClass={(t) => (t.overdue ? 'dt__row--warn' : '')}
      onOpen={(t) => void Taro.navigateTo({ url: `/staff/topic/detail?id=${t._id}` })}
      emptyText="还没有协商议题"
    />
  );
}
