import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { GRID_KIND_LABELS } from '@lxq/types/domain/liaison';
import { Pending } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { confirm } from '../../services/confirm';
import { FormError } from '../../components/FormError';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import './liaison.scss';

/** 网格化联系: a director's or convener's members, who is behind first, and reminders. */
export default function LiaisonGridPage() {
  const q = useQuery('liaison.grid', {});
  const remind = useMutation('liaison.remind');
  const d = q.data;
  const behind = d?.groups.flatMap((g) => g.members).filter((m) => m.behind) ?? [];
  const behindIds = [...new Set(behind.map((m) => m.userId))];

  const onRemind = async (memberIds: string[], who: string) => {
    const ok = await confirm({
      title: `提醒${who}？`,
      content: '对方将收到站内消息；已订阅的还会收到微信提醒',
      confirmText: '发送提醒',
    });
    if (!ok) return;
    const res = await remind.run({ memberIds });
    if (res) void Taro.showToast({ title: `已提醒 ${res.reminded} 位委员`, icon: 'success' });
  };

  if (!d) {
    return (
      <Screen>
        <Pending query={q} />
      </Screen>
    );
  }
  if (!d.groups.length) {
    return (
      <Screen>
        <View className="card muted">
          您目前没有网格化联系任务。专委会主任、副主任和界别召集人在这里查看所联系委员的履职进度。
        </View>
      </Screen>
    );
  }
  return (
    <Screen>
      <View className="card row">
        <View>
          <View className="card-title">
            {d.year} 年第{d.quarter}季度
          </View>
          <View className="muted">
            {behindIds.length ? `${behindIds.length} 位委员未达进度` : '所联系的委员都已达到进度'}
          </View>
        </View>
        <View className="spacer" />
        {behindIds.length ? (
          <Button
            type="primary"
            size="small"
            loading={remind.loading}
            onClick={() => void onRemind([], '全部未达进度的委员')}
          >
            一键提醒
          </Button>
        ) : null}
      </View>
      <FormError error={remind.error} />
      {d.groups.map((g) => (
        <View key={g._id}>
          <View className="section-title">
            {g.groupName} · {GRID_KIND_LABELS[g.kind]}
          </View>
          <View className="card">
            {g.members.map((m) => (
              <View key={m.userId} className={`grid-member ${m.behind ? 'grid-member--behind' : ''}`}>
                <View className="row">
                  <Text className="grid-member__name">{m.name}</Text>
                  <Text className="muted" style={{ marginLeft: '12px' }}>
                    {m.sectorName}
                  </Text>
                  <View className="spacer" />
                  {m.behind ? (
                    <Text className="chip chip--red">未达进度</Text>
                  ) : (
                    <Text className="chip chip--ok">正常</Text>
                  )}
                </View>
                <View className="muted">
                  本季度 {m.quarterActivities} 次 · 全年 {m.yearPersonTimes}/{d.quota.personTimesPerYear} 人次
                </View>
                {m.shortfalls.map((s) => (
                  <View key={s} className="grid-member__short">
                    {s}
                  </View>
                ))}
                {m.behind ? (
                  <View className="row" style={{ marginTop: '16px' }}>
                    <Button
                      className="grid-member__remind"
                      disabled={remind.loading}
                      onClick={() => void onRemind([m.userId], m.name)}
                    >
                      发送提醒
                    </Button>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        </View>
      ))}
    </Screen>
  );
}
