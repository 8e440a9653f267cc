import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { CONCERN_STATUS_LABELS, REOPEN_WINDOW_DAYS } from '@lxq/types/domain/concern';
import { LIMITS, textError } from '@lxq/types/limits';
import { ConcernHead, ReplyCard, Timeline } from '../../components/ConcernParts';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { LoadFailed } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { confirm } from '../../services/confirm';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { TextArea } from '../../ui/textarea';
import { formatChinaTime } from '../../utils/time';

/** The submitter's view: progress, the reply, rating it, and asking once to reopen. */
export default function ConcernDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const q = useQuery('concern.get', id ? { id } : null, id);
  const rate = useMutation('concern.rate');
  const reopen = useMutation('concern.reopen');
  const withdraw = useMutation('concern.withdraw');
  const removePhone = useMutation('concern.removePhone');
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const c = q.data;

  if (q.loading && !c) {
    return (
      <Screen>
        <View className="list-footer">
          <Loading>加载中…</Loading>
        </View>
      </Screen>
    );
  }
  if (!c) {
    return (
      <Screen>
        <LoadFailed message={q.error?.message ?? '诉求不存在或已删除'} onRetry={() => void q.reload()} />
      </Screen>
    );
  }

  const onRate = async () => {
    if (!score) {
      void Taro.showToast({ title: '请先选择评分', icon: 'none' });
      return;
    }
    if (await rate.run({ id, score, comment: comment.trim() || undefined })) {
      void Taro.showToast({ title: '感谢您的评价', icon: 'success' });
      await q.reload();
    }
  };

  const onReopen = async () => {
    const wrong = textError('重新办理的理由', LIMITS.reopenReason, reason);
    if (wrong) {
      reopen.setFieldErrors({ reason: wrong });
      return;
    }
    const ok = await confirm({
      title: '申请重新办理',
      content: '每条诉求只能申请一次，确定提交吗？',
      cancelText: '再想想',
    });
    if (!ok) return;
    if (await reopen.run({ id, reason: reason.trim() })) {
      setReopening(false);
      await q.reload();
    }
  };

  const onWithdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回诉求',
      content: '撤回后工作人员将不再办理这条诉求，确定撤回吗？',
      confirmText: '撤回',
      cancelText: '再想想',
    });
    if (confirm && (await withdraw.run({ id }))) await q.reload();
  };

  const onRemovePhone = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除手机号',
      content: '删除后承办人无法再打电话联系您，办理进展仍会在这里和微信通知中告诉您。确定删除吗？',
      confirmText: '删除',
      cancelText: '再想想',
    });
    if (confirm && (await removePhone.run({ id }))) {
      void Taro.showToast({ title: '手机号已删除', icon: 'success' });
      await q.reload();
    }
  };

  return (
    <Screen>
      {c.duplicateOf ? (
        <View className="card">
          <View className="muted">您的诉求与另一条诉求为同一事项，已合并办理。原诉求当前状态：</View>
          <View className="card-title">
            {c.duplicateOf.title}（{CONCERN_STATUS_LABELS[c.duplicateOf.status]}）
          </View>
        </View>
      ) : null}
      <ConcernHead c={c} />
      <ReplyCard reply={c.reply} />
      {c.duplicateOf?.reply ? <ReplyCard reply={c.duplicateOf.reply} title="原诉求的答复" /> : null}

      {c.rating ? (
        <View className="card">
          <View className="card-title">我的评价</View>
          <View className="stars">
            {[1, 2, 3, 4, 5].map((n) => (
              <Text key={n} className={`stars__star ${n <= c.rating!.score ? 'stars__star--on' : ''}`}>
                ★
              </Text>
            ))}
          </View>
          {c.rating.comment ? <View>{c.rating.comment}</View> : null}
          <View className="muted">{formatChinaTime(c.rating.at)}</View>
        </View>
      ) : null}

      {c.can.rate ? (
        <View className="card">
          <View className="card-title">对答复满意吗？</View>
          <View className="stars">
            {[1, 2, 3, 4, 5].map((n) => (
              <Text
                key={n}
                className={`stars__star ${n <= score ? 'stars__star--on' : ''}`}
                onClick={() => setScore(n)}
              >
                ★
              </Text>
            ))}
          </View>
          <Field label="评价（选填）" error={rate.fieldErrors.comment ?? rate.fieldErrors.score}>
            <TextArea
              value={comment}
              maxLength={LIMITS.rateComment.max}
              placeholder="说说您的感受"
              onChange={setComment}
            />
          </Field>
          <FormError error={rate.error} fieldErrors={rate.fieldErrors} />
          <Button type="primary" block loading={rate.loading} onClick={() => void onRate()}>
            提交评价
          </Button>
        </View>
      ) : null}

      {c.can.reopen ? (
        <View className="card">
          {reopening ? (
            <>
              <Field label="重新办理的理由" required error={reopen.fieldErrors.reason}>
                <TextArea
                  value={reason}
                  maxLength={LIMITS.reopenReason.max}
                  placeholder="请说明问题还有哪些没有解决"
                  onChange={(v) => {
                    setReason(v);
                    reopen.clearFieldError('reason');
                  }}
                />
              </Field>
              <FormError error={reopen.error} fieldErrors={reopen.fieldErrors} />
              <View className="action-bar">
                <Button type="primary" loading={reopen.loading} onClick={() => void onReopen()}>
                  提交申请
                </Button>
                <Button onClick={() => setReopening(false)}>取消</Button>
              </View>
            </>
          ) : (
            <View className="row">
              <Text className="muted">问题没有解决？答复后 {REOPEN_WINDOW_DAYS} 天内可申请重新办理一次</Text>
              <View className="spacer" />
              <Button size="small" onClick={() => setReopening(true)}>
                申请重新办理
              </Button>
            </View>
          )}
        </View>
      ) : null}

      {c.can.withdraw ? (
        <View className="card">
          <View className="muted" style={{ marginBottom: '8px' }}>
            工作人员受理前，您可以撤回这条诉求。
          </View>
          {withdraw.error ? <View className="field__error">{withdraw.error.message}</View> : null}
          <Button
            block
            size="large"
            className="tap-target"
            loading={withdraw.loading}
            onClick={() => void onWithdraw()}
          >
            撤回诉求
          </Button>
        </View>
      ) : null}

      {c.can.removePhone ? (
        <View className="card">
          <View className="muted" style={{ marginBottom: '8px' }}>
            您提交时留下了手机号，只有承办人能看到完整号码。您可以随时删除它。
          </View>
          {removePhone.error ? <View className="field__error">{removePhone.error.message}</View> : null}
          <Button
            block
            size="large"
            className="tap-target"
            loading={removePhone.loading}
            onClick={() => void onRemovePhone()}
          >
            删除我的手机号
          </Button>
        </View>
      ) : null}

      <Timeline events={c.timeline} />
    </Screen>
  );
}
