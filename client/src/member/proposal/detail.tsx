import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { RATINGS, RATING_LABELS, type ProposalRating } from '@lxq/types/domain/proposal';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { ProposalDetail } from '../../components/ProposalParts';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { confirm } from '../../services/confirm';
import { Button } from '../../ui/button';
import { Radio } from '../../ui/radio';
import { TextArea } from '../../ui/textarea';
import '../../components/choices.scss';

/** One proposal for its proposer or a co-signer: submit a draft, read the replies, rate them. */
export default function ProposalDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const q = useQuery('proposal.get', id ? { id } : null, id);
  const submit = useMutation('proposal.submit');
  const rate = useMutation('proposal.rate');
  const [rating, setRating] = useState<ProposalRating>('satisfied');
  const [comment, setComment] = useState('');
  const p = q.data;

  const onSubmit = async () => {
    if (!(await confirm({ title: '提交提案', content: '提交后不能再修改，确定提交？', confirmText: '提交' }))) return;
    if (await submit.run({ id })) {
      void Taro.showToast({ title: '已提交', icon: 'success' });
      void q.reload();
    }
  };
  const onRate = async () => {
    if (await rate.run({ id, rating, comment: comment || undefined })) {
      void Taro.showToast({ title: '已评价', icon: 'success' });
      setComment('');
      void q.reload();
    }
  };

  if (!p) {
    return (
      <Screen>
        <View className="card muted">{q.error?.message ?? '加载中…'}</View>
      </Screen>
    );
  }
  return (
    <Screen>
      <ProposalDetail
        p={p}
        onReport={
          p.as === 'proposer'
            ? (reportId) => void Taro.navigateTo({ url: `/member/report/detail?id=${reportId}` })
            : undefined
        }
      />
      {p.as === 'proposer' && p.status === 'draft' ? (
        <Sources id={id} linked={p.sources} onDone={() => void q.reload()} />
      ) : null}
      {p.as === 'proposer' && p.status === 'draft' ? (
        <View className="card">
          <View className="muted">草稿仅您本人可见。在届次会议的提交时段内可以提交。</View>
          <FormError error={submit.error} />
          <Button type="primary" block loading={submit.loading} onClick={() => void onSubmit()}>
            提交提案
          </Button>
        </View>
      ) : null}
      {p.as === 'proposer' && p.status === 'answered' ? (
        <View className="card">
          <View className="card-title">评价办理结果</View>
          <Field label="评价" required error={rate.fieldErrors.rating}>
            <Radio.Group
              className="choices"
              value={rating}
              direction="horizontal"
              onChange={(v) => setRating(v as ProposalRating)}
            >
              {RATINGS.map((r) => (
                <Radio key={r} value={r} shape="button">
                  {RATING_LABELS[r]}
                </Radio>
              ))}
            </Radio.Group>
          </Field>
          {rating === 'unsatisfied' && !p.rehandled ? (
            <View className="muted">选择“不满意”后，提案将退回主办单位重新办理一次。</View>
          ) : null}
          <Field label="意见" error={rate.fieldErrors.comment}>
            <TextArea value={comment} maxLength={200} placeholder="对办理结果的意见（选填）" onChange={setComment} />
          </Field>
          <FormError error={rate.error} fieldErrors={rate.fieldErrors} />
          <Button type="primary" block loading={rate.loading} onClick={() => void onRate()}>
            提交评价
          </Button>
        </View>
      ) : null}
    </Screen>
  );
}

/** A draft grows from what the member heard: tap a concern assigned to them, a liaison record or a report of theirs to link it. */
function Sources({ id, linked, onDone }: { id: string; linked: { kind: string; id: string }[]; onDone: () => void }) {
  const options = useQuery('proposal.sourceOptions', {});
  const link = useMutation('proposal.link');
  const o = options.data;
  const items = [
    ...(o?.concerns ?? []).map((c) => ({ kind: 'concern' as const, ...c, label: `诉求：${c.title}` })),
    ...(o?.liaison ?? []).map((r) => ({ kind: 'liaison' as const, ...r, label: `联系记录：${r.title}` })),
    ...(o?.reports ?? []).map((r) => ({ kind: 'report' as const, ...r, label: `社情民意信息：${r.title}` })),
  ].filter((x) => !linked.some((l) => l.kind === x.kind && l.id === x._id));
  if (!items.length) return null;
  return (
    <View className="card">
      <View className="card-title">关联诉求、联系记录或社情民意信息</View>
      <View className="muted">点选即关联，提案将注明来源</View>
      <View className="proposal-pick">
        {items.slice(0, 10).map((x) => (
          <Text
            key={`${x.kind}-${x._id}`}
            className="proposal-pick__item"
            onClick={async () => {
              if (await link.run({ id, kind: x.kind, refIds: [x._id] })) onDone();
            }}
          >
            {x.label}
          </Text>
        ))}
      </View>
      <FormError error={link.error} />
    </View>
  );
}
