import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ROLE_LABELS } from '@lxq/types/roles';
import { Chip } from '../../components/Chip';
import { Screen } from '../../components/Screen';
import { useMe } from '../../hooks/useMe';
import { Cell } from '../../ui/cell';
import './index.scss';

export default function MemberHomePage() {
  const { me, loading, reload, isMember, isStaff } = useMe();
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
            onClick={() => void Taro.navigateTo({ url: '/pages/invite/index' })}
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

      <View className="section-title">履职</View>
      <View className="card card--flush">
        <Cell
          title="我的诉求"
          description="我以个人身份提交的诉求"
          clickable
          extra="›"
          onClick={() => void Taro.reLaunch({ url: '/pages/concern/mine' })}
        />
        {isStaff && (
          <Cell
            title="工作台"
            description="诉求管理、邀请码"
            clickable
            extra="›"
            onClick={() => void Taro.reLaunch({ url: '/staff/concerns/index' })}
          />
        )}
      </View>

      <View className="card soon">
        <View className="soon__title">即将上线</View>
        <View className="muted">
          值班签到、接待记录、联系记录（“1158”工作法）、界别群众联系人、交办给我的诉求、我的履职成绩单，会陆续加到这里。
        </View>
      </View>
    </Screen>
  );
}
