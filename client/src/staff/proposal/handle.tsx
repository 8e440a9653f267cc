import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  ANSWER_CATEGORIES,
  ANSWER_CATEGORY_LABELS,
  PROPOSAL_STATUS_LABELS,
  type AnswerCategory,
} from '@lxq/types/domain/proposal';
import { uploadFolder } from '@lxq/types/domain/files';
import { LIMITS } from '@lxq/types/limits';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { ProposalDetail } from '../../components/ProposalParts';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { uploadFile } from '../../services/photos';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { TextArea } from '../../ui/textarea';
import { StaffScreen } from '../components/StaffScreen';
import '../../components/choices.scss';
import '../../components/ProposalParts.scss';

const ASSIGNMENT: Record<string, string> = {
  pending: '待签收',
  acknowledged: '办理中',
  returned: '已退回',
  answered: '已答复',
};

/** 承办提案: a handling unit's list, and one proposal with 签收 / 退回 / 延期 / 答复 (?id=). */
export default function HandlePage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const { has, loading } = useMe();
  if (!loading && !has('handler')) {
    return (
      <StaffScreen>
        <View className="card muted">承办提案仅供承办单位经办人使用，请凭邀请码绑定。</View>
      </StaffScreen>
    );
  }
  return id ? <One id={id} /> : <List />;
}

function List() {
  const list = useQuery('proposal.assigned', { pageSize: 50 });
  return (
    <StaffScreen wide>
      {(list.data?.items ?? []).map((r) => (
        <View
          key={r._id}
          className="card proposal-row"
          onClick={() => void Taro.navigateTo({ url: `/staff/proposal/handle?id=${r._id}` })}
        >
          <View className="row">
            <Text className="proposal-row__title">{r.title}</Text>
            <Text className="chip chip--red proposal-status">{ASSIGNMENT[r.mine.status]}</Text>
          </View>
          <View className="muted">
            {r.mine.role === 'lead' ? '主办' : '协办'} · 期限 {r.mine.dueOn} · {PROPOSAL_STATUS_LABELS[r.status]}
          </View>
        </View>
      ))}
      {list.data && !list.data.items.length ? <View className="card muted">目前没有交给本单位的提案</View> : null}
      {list.error ? <View className="banner-error">{list.error.message}</View> : null}
    </StaffScreen>
  );
}

function One({ id }: { id: string }) {
  const { me } = useMe();
  const q = useQuery('proposal.getAssigned', { id }, id);
  const ack = useMutation('proposal.acknowledge');
  const ret = useMutation('proposal.return');
  const ext = useMutation('proposal.requestExtension');
  const answer = useMutation('proposal.answer');
  const [category, setCategory] = useState<AnswerCategory>('A');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ fileID: string; fileName: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('');
  const p = q.data;
  const done = () => void q.reload();
  if (!p) {
    return (
      <StaffScreen wide>
        <View className="card muted">{q.error?.message ?? '加载中…'}</View>
      </StaffScreen>
    );
  }
  const mine = p.assignments[0];
  const working = mine && (mine.status === 'pending' || mine.status === 'acknowledged');
  const pick = async () => {
    const chosen = await choosePdf();
    if (!chosen || !me) return;
    setUploading(true);
    try {
      const cloudPath = `${uploadFolder('replies', me.openid)}/${Date.now()}.pdf`;
      setFile({ fileID: await uploadFile(chosen.path, cloudPath), fileName: chosen.name.slice(0, 80) });
    } finally {
      setUploading(false);
    }
  };
  return (
    <StaffScreen wide title={p.title}>
      <ProposalDetail p={p} />
      {mine?.status === 'pending' ? (
        <View className="card">
          <Button type="primary" loading={ack.loading} onClick={async () => (await ack.run({ id })) && done()}>
            签收
          </Button>
          <FormError error={ack.error} />
        </View>
      ) : null}
      {working ? (
        <View className="card">
          <View className="card-title">答复</View>
          <Field label="答复类别" required error={answer.fieldErrors.category}>
            <Radio.Group className="choices" value={category} onChange={(v) => setCategory(v as AnswerCategory)}>
              {ANSWER_CATEGORIES.map((c) => (
                <Radio key={c} value={c} shape="button">
                  {ANSWER_CATEGORY_LABELS[c]}
                </Radio>
              ))}
            </Radio.Group>
          </Field>
          <Field
            className="longtext"
            label="答复摘要"
            required
            error={answer.fieldErrors.text}
            count={{ value: text, max: LIMITS.proposalReply.max }}
          >
            <TextArea
              value={text}
              rows={6}
              maxLength={LIMITS.proposalReply.max * 2}
              placeholder="办理情况和答复要点"
              onChange={setText}
            />
          </Field>
          <Field label="答复函（PDF）" required error={answer.fieldErrors.fileID}>
            <View className="row">
              <Text style={{ flex: 1 }}>{file ? file.fileName : '尚未上传'}</Text>
              <Button size="small" loading={uploading} onClick={() => void pick()}>
                {file ? '重新选择' : '上传答复函'}
              </Button>
            </View>
          </Field>
          <FormError error={answer.error} fieldErrors={answer.fieldErrors} />
          <Button
            type="primary"
            block
            loading={answer.loading}
            onClick={async () => {
              if (
                await answer.run({ id, category, text, fileID: file?.fileID ?? '', fileName: file?.fileName ?? '' })
              ) {
                setText('');
                setFile(null);
                done();
              }
            }}
          >
            提交答复
          </Button>
        </View>
      ) : null}
      {working && p.status !== 'rehandling' ? (
        <View className="card">
          <View className="card-title">退回或申请延期</View>
          <TextArea
            value={reason}
            maxLength={LIMITS.proposalReason.max * 2}
            placeholder="退回理由（不属于本单位职责）或延期理由"
            onChange={setReason}
          />
          <Input value={days} type="number" placeholder="延期天数（申请延期时填写）" onChange={setDays} />
          <FormError error={ret.error ?? ext.error} />
          <View className="proposal-actions">
            <Button size="small" loading={ret.loading} onClick={async () => (await ret.run({ id, reason })) && done()}>
              退回
            </Button>
            {!mine.extension ? (
              <Button
                size="small"
                loading={ext.loading}
                onClick={async () => (await ext.run({ id, days: Number(days) || 0, reason })) && done()}
              >
                申请延期
              </Button>
            ) : (
              <Text className="muted">
                已申请延期（
                {mine.extension.status === 'asked'
                  ? '待审批'
                  : mine.extension.status === 'granted'
                    ? '已同意'
                    : '未同意'}
                ）
              </Text>
            )}
          </View>
        </View>
      ) : null}
    </StaffScreen>
  );
}

/** A PDF from a WeChat chat on the phone, from the disk in the browser. */
async function choosePdf(): Promise<{ path: string; name: string } | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
      return { path: res.tempFiles[0].path, name: res.tempFiles[0].name };
    } catch {
      return null;
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'application/pdf';
    input.onchange = () => {
      const f = input.files?.[0];
      resolve(f ? { path: URL.createObjectURL(f), name: f.name } : null);
    };
    input.click();
  });
}
