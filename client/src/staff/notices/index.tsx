import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { NOTICE_STATUS_LABELS } from '@lxq/types/domain/notice';
import { ListState } from '../../components/ListState';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { NoticeTable } from './NoticeTable';
import { useMe } from '../../hooks/useMe';
import { usePaged } from '../../hooks/usePaged';
import { Button } from '../../ui/button';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

export default function StaffNoticesPage() {
  const { isStaff, loading } = useMe();
  const desktop = useDesktop();
  const list = usePaged('notice.list', {}, { pageSize: 20, enabled: isStaff && !desktop });
  // Back from a notice (sent, cancelled, read by more people): show it as it is now.
  useDidShow(() => {
    if (isStaff && list.last) void list.reload();
  });

  if (!loading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">通知仅供政协工作人员使用。</View>
      </StaffScreen>
    );
  }
  if (desktop) {
    return (
      <StaffScreen
        actions={
          <Button type="primary" size="small" onClick={() => void Taro.navigateTo({ url: '/staff/notices/compose' })}>
            发通知
          </Button>
        }
      >
        <View className="muted notices-lead">向界别、专委会、工作站或指定委员发送通知，跟踪送达、阅读和回执</View>
        {isStaff ? <NoticeTable /> : null}
      </StaffScreen>
    );
  }
  return (
    <StaffScreen wide>
      <View className="row notices-head">
        <View>
          <View className="card-title">通知</View>
          <View className="muted">向界别、专委会、工作站或指定委员发送通知，跟踪送达、阅读和回执</View>
        </View>
        <View className="spacer" />
        <Button type="primary" size="small" onClick={() => void Taro.navigateTo({ url: '/staff/notices/compose' })}>
          发通知
        </Button>
      </View>
      {list.items.map((n) => (
        <View
          key={n._id}
          className="card notice-row"
          onClick={() => void Taro.navigateTo({ url: `/staff/notices/detail?id=${n._id}` })}
        >
          <View className="row">
            <Text className="notice-row__title">{n.title}</Text>
            <Text className={`chip notice-status notice-status--${n.status}`}>{NOTICE_STATUS_LABELS[n.status]}</Text>
          </View>
          <View className="muted notice-row__targets">
            {n.meeting ? '会议 · ' : ''}
            {n.targetSummary}
          </View>
          <View className="row muted">
            <Text>
              {n.status === 'scheduled'
                ? `定时 ${formatChinaTime(n.sendAt)}`
                : n.status === 'cancelled'
                  ? `未发出（原定 ${formatChinaTime(n.sendAt, 'MM-DD HH:mm')}）`
                  : `已读 ${n.readCount}/${n.recipientCount}`}
            </Text>
            <View className="spacer" />
            <Text>
              {n.createdByName} · {formatChinaTime(n.createdAt)}
            </Text>
          </View>
        </View>
      ))}
      <ListState list={list} emptyText="还没有发过通知" />
    </StaffScreen>
  );
}
