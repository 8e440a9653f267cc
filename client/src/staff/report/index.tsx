import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { ReportListItem } from '@lxq/types';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '@lxq/types/domain/report';
import { ListState } from '../../components/ListState';
import { ReportStatus } from '../../components/ReportParts';
import { useMe } from '../../hooks/useMe';
import { usePaged } from '../../hooks/usePaged';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';
import { Tabs } from '../../ui/tabs';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { useStaffTable } from '../components/useStaffTable';
import { ReportFigures } from './ReportFigures';
import './index.scss';

// Only the last change is ordered by the server over every page (each staff index ends in updatedAt).
const COLUMNS: Column<ReportListItem>[] = [
  { key: 'title', title: '标题', wrap: true, fixed: true, render: (r) => r.title },
  { key: 'status', title: '状态', render: (r) => <ReportStatus status={r.status} /> },
  { key: 'author', title: '作者', render: (r) => r.authorName },
  { key: 'unit', title: '来自', wrap: true, render: (r) => r.unitName },
  { key: 'at', title: '当前办理', wrap: true, render: (r) => r.atUnitName },
  { key: 'adopted', title: '采用', wrap: true, render: (r) => `${r.adopted || '—'}${r.instructed ? ' · 批示' : ''}` },
  {
    key: 'updated',
    title: '更新时间',
    render: (r) => formatChinaTime(r.updatedAt),
    serverSort: 'updatedAt',
  },
];

const open = (r: { _id: string }) => void Taro.navigateTo({ url: `/staff/report/detail?id=${r._id}` });

/** 社情民意: the desk's inbox (待本级处理) and all reports of the unit and below, with the year's figures. */
export default function StaffReportsPage() {
  const { isStaff, loading } = useMe();
  const desktop = useDesktop();
  const boxFilters = (s: Record<string, string>) => ({
    box: (s.box === 'all' ? 'all' : 'pending') as 'all' | 'pending',
    ...(s.status ? { status: s.status as ReportListItem['status'] } : {}),
    ...(s.year ? { year: Number(s.year) } : {}),
  });
  const desk = useStaffTable('report.list', {
    columns: COLUMNS,
    defaults: { box: 'pending', status: '', year: '' },
    filters: (s) => (isStaff && desktop ? boxFilters(s) : null),
    search: '搜索标题',
  });
  const { state, set, list: table } = desk;
  const filters = boxFilters(state);
  const list = usePaged('report.list', filters, {
    pageSize: 20,
    key: JSON.stringify(filters),
    enabled: isStaff && !desktop,
  });
  const [year, setYear] = useState(Number(state.year) || new Date().getFullYear());
  useDidShow(() => {
    if (table.data) void table.reload();
    if (list.last) void list.reload();
  });

  if (!loading && !isStaff)
    return (
      <StaffScreen>
        <View className="card muted">社情民意信息仅供政协工作人员使用。</View>
      </StaffScreen>
    );
  const tabs = (
    <Tabs
      className="report-box-tabs"
      value={filters.box}
      activeType="line"
      duration={0}
      onChange={(v) => set({ box: String(v) })}
    >
      <Tabs.TabPane title="待本级处理" value="pending" />
      <Tabs.TabPane title="全部" value="all" />
    </Tabs>
  );
  if (desktop)
    return (
      <StaffScreen>
        <ReportFigures year={year} onYear={setYear} />
        {tabs}
        <DataTable
          label="社情民意信息"
          {...desk.table}
          filters={
            filters.box === 'all'
              ? [
                  {
                    key: 'status',
                    label: '状态',
                    kind: 'select',
                    options: REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] })),
                  },
                  {
                    key: 'year',
                    label: '年度',
                    kind: 'select',
                    options: [0, 1, 2].map((i) => {
                      const y = String(new Date().getFullYear() - i);
                      return { value: y, label: `${y} 年` };
                    }),
                  },
                ]
              : []
          }
          onExport={async () => {
            const res = await call('report.exportList', desk.filters ?? filters);
            await openWorkbook(res.url, res.fileName);
          }}
          onOpen={open}
          emptyText={filters.box === 'pending' ? '没有待本级处理的社情民意信息' : '还没有社情民意信息'}
        />
      </StaffScreen>
    );
  return (
    <StaffScreen wide>
      <ReportFigures year={year} onYear={setYear} />
      {tabs}
      {list.items.map((r) => (
        <View key={r._id} className="card" onClick={() => open(r)}>
          <View className="row" style={{ alignItems: 'flex-start', gap: '12px' }}>
            <Text className="report-row__title">{r.title}</Text>
            <ReportStatus status={r.status} />
          </View>
          <View className="muted">
            {r.authorName} · {r.unitName}
            {r.atUnitName !== r.unitName ? ` → ${r.atUnitName}` : ''}
          </View>
          {r.adopted ? <View className="muted">{r.adopted}</View> : null}
        </View>
      ))}
      <ListState
        list={list}
        emptyText={filters.box === 'pending' ? '没有待本级处理的社情民意信息' : '还没有社情民意信息'}
      />
    </StaffScreen>
  );
}
