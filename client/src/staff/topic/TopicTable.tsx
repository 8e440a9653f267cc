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
import { useQuery } from '../../hooks/useQuery';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { useTableState } from '../components/useTableState';

export const stepText = (t: { step: TopicStep; closed: boolean }) => (t.closed ? '已办结' : TOPIC_STEP_LABELS[t.step]);

const COLUMNS: Column<TopicListItem>[] = [
  { key: 'title', title: '议题', wrap: true, fixed: true, render: (t) => t.title, sortValue: (t) => t.title },
  { key: 'source', title: '来源', render: (t) => TOPIC_SOURCE_LABELS[t.source], sortValue: (t) => t.source },
  { key: 'form', title: '形式', render: (t) => TOPIC_FORM_LABELS[t.form], sortValue: (t) => t.form },
  { key: 'step', title: '步骤', render: stepText, sortValue: (t) => (t.closed ? 9 : TOPIC_STEPS.indexOf(t.step)) },
  {
    key: 'lists',
    title: '清单（反馈/建议）',
    render: (t) => (t.items ? `${t.withResult}/${t.items}${t.overdue ? ` · 超期 ${t.overdue}` : ''}` : '—'),
    sortValue: (t) => t.items,
  },
  {
    key: 'concerns',
    title: '关联诉求',
    render: (t) => (t.concerns ? String(t.concerns) : '—'),
    sortValue: (t) => t.concerns,
  },
  { key: 'at', title: '提出时间', render: (t) => formatChinaTime(t.createdAt), sortValue: (t) => t.createdAt },
];

/** The subtree's topics as a table (desktop console), filtered by step and source; a row opens it. */
export function TopicTable() {
  const [state, set] = useTableState({ step: '', source: '' });
  const input = {
    page: Number(state.page) || 1,
    pageSize: Number(state.size) || 20,
    ...(state.step ? { step: state.step as TopicStep } : {}),
    ...(state.source ? { source: state.source as TopicSource } : {}),
  };
  const list = useQuery('topic.list', input, JSON.stringify(input));
  // Back from a topic (moved on, closed): show the list as it is now.
  useDidShow(() => {
    if (list.data) void list.reload();
  });
  return (
    <DataTable
      label="协商议题"
      columns={COLUMNS}
      rows={list.data?.items ?? []}
      rowKey={(t) => t._id}
      total={list.data?.total ?? 0}
      loading={list.loading && !list.data}
      error={list.error?.message}
      state={state}
      setState={set}
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
