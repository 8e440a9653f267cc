import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ConcernStatus } from '@lxq/types';
import { CONCERN_CATEGORIES, CONCERN_STATUSES, CONCERN_STATUS_LABELS, overdueLabel } from '@lxq/types/domain/concern';
import { ListState } from '../../components/ListState';
import { CalendarWarning } from '../components/CalendarWarning';
import { Go, StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { QueueDesk } from './QueueDesk';
import { StatusChip } from '../../components/StatusChip';
import { useMe } from '../../hooks/useMe';
import { usePaged } from '../../hooks/usePaged';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Tabs } from '../../ui/tabs';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

type Filter = ConcernStatus | 'all';

/** The other staff modules, a tap away on the phone (the PC has the menu). */
const MODULE_LINKS = [
  ['邀请码管理', '/staff/invitations/index'],
  ['通知', '/staff/notices/index'],
  ['值班管理', '/staff/duty/index'],
  ['联系记录', '/staff/liaison/index'],
  ['办理时限', '/staff/concerns/settings'],
] as const;

export default function StaffConcernsPage() {
  const { isStaff, loading: meLoading } = useMe();
  const desktop = useDesktop();
  // The daily reminder links here with ?overdue=1.
  const overdue = useRouter().params.overdue === '1';
  if (!meLoading && !isStaff) {
    return (
      <StaffScreen tab="staff">
        <View className="card muted">工作台仅供政协工作人员使用。如需开通，请联系管理员获取邀请码。</View>
      </StaffScreen>
    );
  }
  if (desktop) {
    return (
      <StaffScreen
        tab="staff"
        actions={
          <Go className="desk-link" url="/staff/concerns/settings" push>
            办理时限设置
          </Go>
        }
      >
        <CalendarWarning />
        {isStaff ? <QueueDesk initialOverdue={overdue} /> : null}
      </StaffScreen>
    );
  }
  return <PhoneQueue initialOverdue={overdue} />;
}

/** The queue on a phone: figures, filter chips, status tabs and cards, with the modules as buttons. */
function PhoneQueue({ initialOverdue }: { initialOverdue: boolean }) {
  const { isStaff, me } = useMe();
  const [overdue, setOverdue] = useState(initialOverdue);
  const [category, setCategory] = useState('');
  const [filter, setFilter] = useState<Filter>(overdue ? 'all' : 'submitted');
  const list = usePaged(
    'concern.listForStaff',
    {
      ...(filter === 'all' ? {} : { status: filter }),
      ...(overdue ? { overdue: true } : {}),
      ...(category ? { category } : {}),
    },
    { pageSize: 20, key: `${filter}|${overdue}|${category}`, enabled: isStaff },
  );
  const figures = useQuery('concern.figures', isStaff ? {} : null, String(isStaff));
  // Counts come with every page; keep the last known ones while a tab loads.
  const [counts, setCounts] = useState<Partial<Record<ConcernStatus, number>>>({});
  // The subtree's units may keep their own categories (issue 17): the chips offer what they offer.
  const [categories, setCategories] = useState<readonly string[]>(CONCERN_CATEGORIES);
  useEffect(() => {
    if (list.last?.counts) setCounts(list.last.counts);
    if (list.last?.categories) setCategories(list.last.categories);
  }, [list.last]);
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

  return (
    <StaffScreen tab="staff" wide>
      <View className="staff-head row">
        <View>
          <View className="card-title">群众诉求</View>
          <View className="muted">
            {me?.scopes?.length ? me.scopes.map((s) => s.name).join('、') : (me?.unit?.name ?? '')}
          </View>
        </View>
        <View className="spacer" />
        {MODULE_LINKS.map(([label, url]) => (
          <Button key={url} size="small" type="primary" fill="outline" onClick={() => void Taro.navigateTo({ url })}>
            {label}
          </Button>
        ))}
      </View>

      <CalendarWarning />

      <View className="staff-summary">
        <View className="staff-summary__item">
          <View className="staff-summary__num">{figures.data?.collected ?? '—'}</View>
          <View className="muted">本季度收集</View>
        </View>
        <View className="staff-summary__item">
          <View className="staff-summary__num">{figures.data?.answered ?? '—'}</View>
          <View className="muted">本季度答复</View>
        </View>
        <View className="staff-summary__item">
          <View className="staff-summary__num">
            {figures.data?.onTimeRate == null ? '—' : `${figures.data.onTimeRate}%`}
          </View>
          <View className="muted">按时答复率</View>
        </View>
        <View className="staff-summary__item">
          <View className="staff-summary__num">{figures.data?.averageRating ?? '—'}</View>
          <View className="muted">平均评分</View>
        </View>
        <View className="staff-summary__item">
          <View className="staff-summary__num staff-summary__num--warn">{counts.submitted ?? 0}</View>
          <View className="muted">待受理</View>
        </View>
      </View>

      <View className="staff-filters">
        <Text className={`filter-chip ${overdue ? 'filter-chip--on' : ''}`} onClick={() => setOverdue(!overdue)}>
          只看超期{list.last?.overdue != null ? ` ${overdueLabel(list.last.overdue)}` : ''}
        </Text>
        {categories.map((cat) => (
          <Text
            key={cat}
            className={`filter-chip ${category === cat ? 'filter-chip--on' : ''}`}
            onClick={() => setCategory(category === cat ? '' : cat)}
          >
            {cat}
          </Text>
        ))}
      </View>

      <Tabs
        className="staff-tabs"
        value={filter}
        activeType="line"
        duration={0}
        onChange={(v) => setFilter(v as Filter)}
      >
        <Tabs.TabPane title={`全部 ${all}`} value="all" />
        {CONCERN_STATUSES.map((s) => (
          <Tabs.TabPane key={s} title={`${CONCERN_STATUS_LABELS[s]} ${counts[s] ?? 0}`} value={s} />
        ))}
      </Tabs>

      <View className="staff-list">
        {list.items.map((c) => (
          <View
            key={c._id}
            className="card staff-row"
            onClick={() => void Taro.navigateTo({ url: `/staff/concerns/detail?id=${c._id}` })}
          >
            <View className="row">
              <Text className="staff-row__title">{c.title}</Text>
              <StatusChip status={c.status} />
            </View>
            <View className="staff-row__meta">
              <Text className="staff-row__cat">{c.category}</Text>
              {c.overdue ? <Text className="staff-row__late">已超期</Text> : null}
              {c.needsReview ? <Text className="staff-row__late">需人工复核</Text> : null}
              {c.provisional && c.dueAt ? (
                <Text className="muted staff-row__part">受理期限 {formatChinaTime(c.dueAt, 'MM-DD')}（暂定）</Text>
              ) : null}
              {c.workstationName ? <Text className="muted staff-row__part">{c.workstationName}</Text> : null}
              {c.assigneeName ? <Text className="muted staff-row__part">承办：{c.assigneeName}</Text> : null}
            </View>
            <View className="row muted">
              <Text>{c.submitter || '群众'}</Text>
              {c.phone ? <Text style={{ marginLeft: '12px' }}>{c.phone}</Text> : null}
              <View className="spacer" />
              <Text>{formatChinaTime(c.createdAt)}</Text>
            </View>
          </View>
        ))}
        <ListState
          list={list}
          emptyText={filter === 'all' ? '暂无诉求' : `暂无「${CONCERN_STATUS_LABELS[filter]}」的诉求`}
        />
      </View>
    </StaffScreen>
  );
}
