import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ProposalView } from '@lxq/types';
import {
  NOT_FILED_DISPOSITIONS,
  NOT_FILED_DISPOSITION_LABELS,
  type NotFiledDisposition,
} from '@lxq/types/domain/proposal';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { ProposalDetail } from '../../components/ProposalParts';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';
import { toCallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { TextArea } from '../../ui/textarea';
import { StaffScreen } from '../components/StaffScreen';
import '../../components/choices.scss';
import '../../components/ProposalParts.scss';

type Decision = 'file' | 'reject' | 'merge';

/** One proposal for staff: 前置预审, the review decision, 重点提案, 交办, extensions, the Word export. */
export default function StaffProposalDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const q = useQuery('proposal.get', id ? { id } : null, id);
  const units = useQuery('proposal.handlingUnits', {});
  const p = q.data;
  const reload = () => void q.reload();
  const exportDoc = async () => {
    try {
      const res = await call('proposal.exportDoc', { id });
      await openWorkbook(res.url, res.fileName);
    } catch (e) {
      void Taro.showToast({ title: toCallError(e).message, icon: 'none' });
    }
  };
  if (!p) {
    return (
      <StaffScreen wide>
        <View className="card muted">{q.error?.message ?? '加载中…'}</View>
      </StaffScreen>
    );
  }
  const depts = units.data ?? [];
  return (
    <StaffScreen
      wide
      title={p.title}
      actions={
        <Button size="small" onClick={() => void exportDoc()}>
          导出 Word
        </Button>
      }
    >
      <ProposalDetail p={p} />
      {p.preReviews.length ? (
        <View className="card">
          <View className="card-title">前置预审意见（内部）</View>
          {p.preReviews.map((r, i) => (
            <View key={i}>
              {r.name}：{r.opinion}
            </View>
          ))}
        </View>
      ) : null}
      {p.status === 'submitted' ? <Review p={p} depts={depts} onDone={reload} /> : null}
      {p.status === 'filed' ? <Assign p={p} depts={depts} onDone={reload} /> : null}
      {['filed', 'assigned', 'answered', 'rehandling', 'closed'].includes(p.status) ? (
        <KeyToggle p={p} onDone={reload} />
      ) : null}
      <Extensions p={p} onDone={reload} />
    </StaffScreen>
  );
}

type Depts = { _id: string; name: string }[];

function Review({ p, depts, onDone }: { p: ProposalView; depts: Depts; onDone: () => void }) {
  const pre = useMutation('proposal.preReview');
  const review = useMutation('proposal.review');
  const [dept, setDept] = useState('');
  const [opinion, setOpinion] = useState('');
  const [decision, setDecision] = useState<Decision>('file');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [disposition, setDisposition] = useState<NotFiledDisposition>('none');
  const [intoId, setIntoId] = useState('');
  const others = useQuery('proposal.list', { sessionId: p.sessionId, pageSize: 50 }, p.sessionId);
  const targets = (others.data?.items ?? []).filter(
    (x) => x._id !== p._id && (x.status === 'submitted' || x.status === 'filed'),
  );
  const e = review.fieldErrors;
  return (
    <>
      <View className="card">
        <View className="card-title">前置预审</View>
        <View className="proposal-pick">
          {depts.map((d) => (
            <Text
              key={d._id}
              className={`proposal-pick__item ${dept === d._id ? 'proposal-pick__item--on' : ''}`}
              onClick={() => setDept(d._id)}
            >
              {d.name}
            </Text>
          ))}
        </View>
        <TextArea value={opinion} maxLength={1000} placeholder="部门预审意见（仅工作人员可见）" onChange={setOpinion} />
        <FormError error={pre.error} />
        <View className="proposal-actions">
          <Button
            size="small"
            loading={pre.loading}
            onClick={async () => {
              if (await pre.run({ id: p._id, handlingUnitId: dept, opinion })) {
                setOpinion('');
                onDone();
              }
            }}
          >
            记录预审意见
          </Button>
        </View>
      </View>
      <View className="card">
        <View className="card-title">审查结论</View>
        <Radio.Group
          className="choices"
          value={decision}
          direction="horizontal"
          onChange={(v) => setDecision(v as Decision)}
        >
          <Radio value="file" shape="button">
            立案
          </Radio>
          <Radio value="reject" shape="button">
            不予立案
          </Radio>
          <Radio value="merge" shape="button">
            并案
          </Radio>
        </Radio.Group>
        {decision === 'reject' ? (
          <>
            <Field label="不立案理由" required error={e.reason}>
              <TextArea value={reason} maxLength={1000} placeholder="提案人可以看到" onChange={setReason} />
            </Field>
            <Field label="处理方式">
              <Radio.Group
                className="choices"
                value={disposition}
                onChange={(v) => setDisposition(v as NotFiledDisposition)}
              >
                {NOT_FILED_DISPOSITIONS.map((d) => (
                  <Radio key={d} value={d} shape="button">
                    {NOT_FILED_DISPOSITION_LABELS[d]}
                  </Radio>
                ))}
              </Radio.Group>
            </Field>
          </>
        ) : null}
        {decision === 'merge' ? (
          <Field label="并入的提案" required error={e.intoId}>
            <Radio.Group className="choices" value={intoId} onChange={(v) => setIntoId(String(v))}>
              {targets.map((t) => (
                <Radio key={t._id} value={t._id} shape="button">
                  {t.title}（{t.proposerName}）
                </Radio>
              ))}
            </Radio.Group>
          </Field>
        ) : null}
        <Field label="审查意见" error={e.note}>
          <Input value={note} placeholder="选填" onChange={setNote} />
        </Field>
        <FormError error={review.error} fieldErrors={e} />
        <Button
          type="primary"
          loading={review.loading}
          onClick={async () => {
            const done = await review.run({
              id: p._id,
              decision,
              note: note || undefined,
              reason: decision === 'reject' ? reason : undefined,
              disposition: decision === 'reject' ? disposition : undefined,
              intoId: decision === 'merge' ? intoId || undefined : undefined,
            });
            if (done) onDone();
          }}
        >
          确定
        </Button>
      </View>
    </>
  );
}

function Assign({ p, depts, onDone }: { p: ProposalView; depts: Depts; onDone: () => void }) {
  const assign = useMutation('proposal.assign');
  const [lead, setLead] = useState('');
  const [assists, setAssists] = useState<string[]>([]);
  const [dueOn, setDueOn] = useState('');
  const e = assign.fieldErrors;
  return (
    <View className="card">
      <View className="card-title">交办</View>
      <Field label="主办单位" required error={e.leadId}>
        <View className="proposal-pick">
          {depts.map((d) => (
            <Text
              key={d._id}
              className={`proposal-pick__item ${lead === d._id ? 'proposal-pick__item--on' : ''}`}
              onClick={() => {
                setLead(d._id);
                setAssists((xs) => xs.filter((x) => x !== d._id));
              }}
            >
              {d.name}
            </Text>
          ))}
        </View>
      </Field>
      <Field label="协办单位" error={e.assistIds}>
        <View className="proposal-pick proposal-assists">
          {depts
            .filter((d) => d._id !== lead)
            .map((d) => (
              <Text
                key={d._id}
                className={`proposal-pick__item ${assists.includes(d._id) ? 'proposal-pick__item--on' : ''}`}
                onClick={() =>
                  setAssists((xs) => (xs.includes(d._id) ? xs.filter((x) => x !== d._id) : [...xs, d._id]))
                }
              >
                {d.name}
              </Text>
            ))}
        </View>
      </Field>
      <Field label="办理期限" required error={e.dueOn}>
        <Input value={dueOn} placeholder="YYYY-MM-DD" onChange={setDueOn} />
      </Field>
      <FormError error={assign.error} fieldErrors={e} />
      <Button
        type="primary"
        loading={assign.loading}
        onClick={async () => {
          if (await assign.run({ id: p._id, leadId: lead, assistIds: assists, dueOn })) onDone();
        }}
      >
        交办
      </Button>
    </View>
  );
}

function KeyToggle({ p, onDone }: { p: ProposalView; onDone: () => void }) {
  const setKey = useMutation('proposal.setKey');
  return (
    <View className="card row">
      <Text style={{ flex: 1 }}>{p.key ? '已确定为重点提案' : '重点提案由主席会议确定'}</Text>
      <Button
        size="small"
        loading={setKey.loading}
        onClick={async () => {
          if (await setKey.run({ id: p._id, key: !p.key })) onDone();
        }}
      >
        {p.key ? '取消重点提案' : '确定为重点提案'}
      </Button>
    </View>
  );
}

function Extensions({ p, onDone }: { p: ProposalView; onDone: () => void }) {
  const decide = useMutation('proposal.decideExtension');
  const asked = p.assignments.filter((a) => a.extension?.status === 'asked');
  if (!asked.length) return null;
  return (
    <View className="card">
      <View className="card-title">延期申请</View>
      {asked.map((a) => (
        <View key={a.handlingUnitId}>
          <View>
            {a.name}申请延期 {a.extension!.days} 天：{a.extension!.reason}
          </View>
          <View className="proposal-actions">
            {[true, false].map((grant) => (
              <Button
                key={String(grant)}
                size="small"
                type={grant ? 'primary' : 'default'}
                onClick={async () => {
                  if (await decide.run({ id: p._id, handlingUnitId: a.handlingUnitId, grant })) onDone();
                }}
              >
                {grant ? '同意' : '不同意'}
              </Button>
            ))}
          </View>
        </View>
      ))}
      <FormError error={decide.error} />
    </View>
  );
}
