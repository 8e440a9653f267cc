import { Pending } from '../../components/LoadFailed';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ConcernHead, ReplyCard, Timeline } from '../../components/ConcernParts';
import { HandleConcern } from '../../components/ReplyForm';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../hooks/useQuery';
import { Cell } from '../../ui/cell';

/** The assigned member's view: the citizen's contact (in full only for them), start, reply. */
export default function AssignedDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const q = useQuery('concern.get', id ? { id } : null, id);
  const c = q.data;
  if (!c) {
    return (
      <Screen>
        <Pending query={q} missing="诉求不存在或已删除" />
      </Screen>
    );
  }
  return (
    <Screen>
      <ConcernHead c={c} />
      <HandleConcern id={id} canStart={c.can.start} canReply={c.can.reply} onDone={() => void q.reload()} />
      <ReplyCard reply={c.reply} />
      <View className="card card--flush">
        <Cell
          title="整理成社情民意信息"
          description="把这条诉求反映的问题报送政协"
          clickable
          extra="›"
          onClick={() => void Taro.navigateTo({ url: `/member/report/new?concernId=${id}` })}
        />
        {/* What members hear may become a proposal (提案), which then names this concern as its source. */}
        <Cell
          title="据此写提案"
          description="把这条诉求反映的问题写成提案"
          clickable
          extra="›"
          onClick={() => void Taro.navigateTo({ url: `/member/proposal/edit?concernId=${id}` })}
        />
      </View>
      <Timeline events={c.timeline} />
    </Screen>
  );
}
