import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ROLE_LABELS } from '@lxq/types/roles';
import { Chip } from '../../components/Chip';
import { Screen } from '../../components/Screen';
import { useMe } from '../../hooks/useMe';
import { TextSizeSwitch } from './TextSizeSwitch';
import { Cell } from '../../ui/cell';
import { Devices } from './Devices';
import './index.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });

export default function MePage() {
  const { me, loading, error, reload, isMember, isStaff, has } = useMe();
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  const registered = !!me?.userId;
  const roles = (me?.roles ?? []).filter((r) => r !== 'citizen' || !registered);

  return (
    <Screen tab="me">
      <View className="card me-head">
        <View className="me-head__avatar">{(me?.name || '群').slice(0, 1)}</View>
        <View className="me-head__body">
          <View className="me-head__name">{loading && !me ? '加载中…' : registered ? me?.name : '群众'}</View>
          <View className="me-head__roles">
            {(roles.length ? roles : ['citizen' as const]).map((r) => (
              <Chip key={r} className="me-head__tag">
                {ROLE_LABELS[r] ?? r}
              </Chip>
            ))}
          </View>
          {me?.unit ? <View className="muted">{me.unit.name}</View> : null}
        </View>
      </View>

      {error && !me ? (
        <View className="banner-error">
          {error.message}
          <Text className="link" onClick={() => void reload()}>
            {' '}
            重试
          </Text>
        </View>
      ) : null}

      {(isMember || isStaff) && (
        <>
          <View className="section-title">我的工作</View>
          <View className="card card--flush">
            {isMember && (
              <Cell
                title="委员主页"
                description="我的信息和履职入口"
                clickable
                extra="›"
                onClick={go('/member/home/index')}
              />
            )}
            {isStaff && (
              <Cell
                title="诉求管理"
                description="查看和处理群众诉求"
                clickable
                extra="›"
                onClick={go('/staff/concerns/index')}
              />
            )}
            {isStaff && (
              <Cell
                title="邀请码管理"
                description="邀请委员、工作人员绑定身份"
                clickable
                extra="›"
                onClick={go('/staff/invitations/index')}
              />
            )}
          </View>
        </>
      )}

      {has('handler') && (
        <View className="card card--flush">
          <Cell
            title="承办提案"
            description="交给本单位的提案：签收、退回、答复"
            clickable
            extra="›"
            onClick={go('/staff/proposal/handle')}
          />
        </View>
      )}

      {(isMember || isStaff) && <Devices />}

      <TextSizeSwitch />

      <View className="section-title">常用</View>
      <View className="card card--flush">
        <Cell title="我的诉求" clickable extra="›" onClick={() => void Taro.reLaunch({ url: '/pages/concern/mine' })} />
        <Cell
          title="输入邀请码"
          description="委员、工作人员凭邀请码绑定身份"
          clickable
          extra="›"
          onClick={go('/account/invite')}
        />
        <Cell title="隐私说明" clickable extra="›" onClick={go('/pages/privacy/index')} />
      </View>

      {!registered && !loading ? (
        <View className="muted" style={{ textAlign: 'center', marginTop: '24px' }}>
          您是政协委员或工作人员？
          <Text className="link" onClick={go('/account/invite')}>
            输入邀请码绑定
          </Text>
        </View>
      ) : null}
    </Screen>
  );
}
