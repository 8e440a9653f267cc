import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ProposalRow } from '@lxq/types';
import { PROPOSAL_KIND_LABELS } from '@lxq/types/domain/proposal';
import { ProposalStatusChip } from '../../components/ProposalParts';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';

const open = (id: string) => () => void Taro.navigateTo({ url: `/member/proposal/detail?id=${id}` });

function Row({ r, children }: { r: ProposalRow; children?: React.ReactNode }) {
  return (
    <View className="card proposal-row" onClick={open(r._id)}>
      <View className="row">
        <Text className="proposal-row__title">{r.title}</Text>
        <ProposalStatusChip status={r.status} />
      </View>
      <View className="muted">
        {PROPOSAL_KIND_LABELS[r.kind]} · {r.sessionName || '草稿'} · 联名 {r.confirmedCosigners} 人
      </View>
      {children}
    </View>
  );
}

/** 我的提案: my own proposals (drafts too) and the invitations to co-sign one. */
export default function MyProposalsPage() {
  const list = useQuery('proposal.mine', {});
  const cosign = useMutation('proposal.cosign');
  useDidShow(() => void list.reload());
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()));
  const answer = async (id: string, accept: boolean) => {
    if (await cosign.run({ id, accept })) {
      void Taro.showToast({ title: accept ? '已确认联名' : '已谢绝', icon: 'success' });
      void list.reload();
    }
  };
  const invited = (list.data?.cosigning ?? []).filter((r) => r.cosignStatus === 'invited');
  return (
    <Screen>
      <View className="row" style={{ margin: '0 0 12px' }}>
        <View className="card-title" style={{ flex: 1 }}>
          我的提案
        </View>
        <Button type="primary" size="small" onClick={() => void Taro.navigateTo({ url: '/member/proposal/edit' })}>
          写提案
        </Button>
      </View>
      {invited.length ? <View className="section-title">邀请我联名</View> : null}
      {invited.map((r) => (
        <Row key={r._id} r={r}>
          <View className="muted">提案人：{r.proposerName}</View>
          <View className="proposal-actions" onClick={(e) => e.stopPropagation()}>
            <Button type="primary" size="small" loading={cosign.loading} onClick={() => void answer(r._id, true)}>
              确认联名
            </Button>
            <Button size="small" onClick={() => void answer(r._id, false)}>
              谢绝
            </Button>
          </View>
        </Row>
      ))}
      {cosign.error ? <View className="banner-error">{cosign.error.message}</View> : null}
      <View className="section-title">我提出的</View>
      {(list.data?.own ?? []).map((r) => (
        <Row key={r._id} r={r} />
      ))}
      {list.data && !list.data.own.length ? <View className="card muted">还没有提案，点“写提案”开始起草。</View> : null}
      {list.error ? <View className="banner-error">{list.error.message}</View> : null}
    </Screen>
  );
}
