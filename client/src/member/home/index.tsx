import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ROLE_LABELS } from '@lxq/types/roles';
import { Chip } from '../../components/Chip';
import { Screen } from '../../components/Screen';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';
import { useUnread } from '../../hooks/useUnread';
import { Cell } from '../../ui/cell';
import { MEMBER_MENU } from './menu';
import { Today } from './Today';
import './index.scss';

export default function MemberHomePage() {
  const { me, loading, reload, isMember, isStaff } = useMe();
  const unread = useUnread(isMember);
  // Directors and conveners lead a group; plain members have none and never see the entry.
  const grid = useQuery('liaison.grid', isMember ? {} : null, isMember ? 'member' : '');
  const leadsGrid = (grid.data?.groups.length ?? 0) > 0;
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!loading && !isMember) {
    return (
      <Screen tab="member">
        <View className="card">
          <View className="card-title">委员专区</View>
          <View className="muted" style={{ marginTop: '8px' }}>
            您还没有绑定委员身份。请凭政协办公室发放的邀请码绑定。
          </View>
          <Cell
            title="输入邀请码"
            clickable
            extra="›"
            onClick={() => void Taro.navigateTo({ url: '/account/invite' })}
          />
        </View>
      </Screen>
    );
  }

  return (
    <Screen tab="member">
      <View className="member-head">
        <View className="member-head__label">政协委员</View>
        <View className="member-head__name">{me?.name ?? '加载中…'}</View>
        {me?.unit ? <View className="member-head__unit">{me.unit.name}</View> : null}
        <View className="member-head__roles">
          {(me?.roles ?? [])
            .filter((r) => r !== 'citizen')
            .map((r) => (
              <Chip key={r} tone="light" className="member-head__tag">
                {ROLE_LABELS[r]}
              </Chip>
            ))}
        </View>
      </View>

      {isMember ? <Today unread={unread} /> : null}

      <View className="section-title">履职</View>
      <View className="card card--flush">
        {MEMBER_MENU.filter((m) => !m.only || (m.only === 'staff' ? isStaff : leadsGrid)).map((m) => (
          <Cell
            key={m.url}
            title={m.title}
            description={m.unread && unread ? `${unread} 条未读通知` : m.description}
            clickable
            extra={m.unread && unread ? <Text className="chip chip--red">{unread} 未读</Text> : '›'}
            onClick={() => void (m.relaunch ? Taro.reLaunch({ url: m.url }) : Taro.navigateTo({ url: m.url }))}
          />
        ))}
      </View>
    </Screen>
  );
}
