import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ROLE_LABELS } from '@lxq/types/roles';
import { Chip } from '../../components/Chip';
import { Screen } from '../../components/Screen';
import { useMe } from '../../hooks/useMe';
import { useUnread } from '../../hooks/useUnread';
import { Cell } from '../../ui/cell';
import './index.scss';

export default function MemberHomePage() {
  const { me, loading, reload, isMember, isStaff } = useMe();
  const unread = useUnread(isMember);
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
          title="通知消息"
          description={unread ? `${unread} 条未读通知` : '政协办公室发来的通知、会议回执'}
          clickable
          extra={unread ? <Text className="chip chip--red">{unread} 未读</Text> : '›'}
          onClick={() => void Taro.navigateTo({ url: '/member/inbox/index' })}
        />
        <Cell
          title="分派给我"
          description="工作人员交办给我的群众诉求：办理、答复"
          clickable
          extra="›"
          onClick={() => void Taro.navigateTo({ url: '/member/assigned/index' })}
        />
        <Cell
          title="我的值班"
          description="值班安排、签到签退、接待记录、请假调班"
          clickable
          extra="›"
          onClick={() => void Taro.navigateTo({ url: '/member/duty/index' })}
        />
        <Cell
          title="联系界别群众"
          description="记联系记录、联系点与联系人、结对帮扶（“1158”工作法）"
          clickable
          extra="›"
          onClick={() => void Taro.navigateTo({ url: '/member/liaison/index' })}
        />
        <Cell
          title="我的成绩单"
          description="本季度、本年度联系群众进度与考核指标"
          clickable
          extra="›"
          onClick={() => void Taro.navigateTo({ url: '/member/record/index' })}
        />
        <Cell
          title="我联系的委员"
          description="专委会主任、界别召集人：网格化联系委员的进度与提醒"
          clickable
          extra="›"
          onClick={() => void Taro.navigateTo({ url: '/member/liaison/grid' })}
        />
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
        {isStaff && (
          <Cell
            title="值班管理"
            description="今日值班、排班、请假审批、工作站"
            clickable
            extra="›"
            onClick={() => void Taro.navigateTo({ url: '/staff/duty/index' })}
          />
        )}
      </View>

      <View className="card soon">
        <View className="soon__title">即将上线</View>
        <View className="muted">值班签到、接待记录、交办给我的诉求，会陆续加到这里。</View>
      </View>
    </Screen>
  );
}
