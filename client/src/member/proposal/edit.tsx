import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LIMITS } from '@lxq/types/limits';
import { PROPOSAL_KIND_LABELS, type ProposalKind } from '@lxq/types/domain/proposal';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { randomId } from '../../services/random';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { TextArea } from '../../ui/textarea';
import { formatChinaTime } from '../../utils/time';
import '../../components/choices.scss';
import '../../components/ProposalParts.scss';

/**
 * 写提案: a draft in a session, as the member alone, for the sector they convene, for their
 * committee or for a group, with co-signers invited. Saved as a draft; submitted from its page.
 * Opened from a concern (?concernId=) it starts linked to it.
 */
export default function ProposalEditPage() {
  const { params } = useRouter();
  const concernId = params.concernId ?? '';
  const options = useQuery('proposal.formOptions', {});
  const [q, setQ] = useState('');
  const people = useQuery('proposal.cosignerOptions', { q }, q);
  const create = useMutation('proposal.create');
  const [sessionId, setSessionId] = useState('');
  const [kind, setKind] = useState<ProposalKind>('individual');
  const [sectorId, setSectorId] = useState('');
  const [committeeId, setCommitteeId] = useState('');
  const [groupName, setGroupName] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [picked, setPicked] = useState<{ _id: string; name: string }[]>([]);
  const [after, setAfter] = useState('');
  const e = create.fieldErrors;
  const o = options.data;
  const today = formatChinaTime(new Date(), 'YYYY-MM-DD');
  const kinds: ProposalKind[] = [
    'individual',
    ...(o?.sectors.length ? (['sector'] as const) : []),
    ...(o?.committees.length ? (['committee'] as const) : []),
    'group',
  ];

  const save = async () => {
    const done = await create.run({
      sessionId: sessionId || o?.sessions.find((s) => s.open)?._id || '',
      kind,
      title,
      body,
      sectorId: kind === 'sector' ? sectorId || o?.sectors[0]?._id : undefined,
      committeeId: kind === 'committee' ? committeeId || o?.committees[0]?._id : undefined,
      groupName: kind === 'group' ? groupName : undefined,
    });
    if (!done) return;
    try {
      if (picked.length) {
        await call(
          'proposal.setCosigners',
          { id: done._id, memberIds: picked.map((p) => p._id) },
          { requestId: randomId() },
        );
      }
      if (concernId) {
        await call('proposal.link', { id: done._id, kind: 'concern', refIds: [concernId] }, { requestId: randomId() });
      }
    } catch (err) {
      setAfter(`草稿已保存，但${(err as Error).message}`);
    }
    void Taro.showToast({ title: '草稿已保存', icon: 'success' });
    void Taro.redirectTo({ url: `/member/proposal/detail?id=${done._id}` });
  };

  const toggle = (m: { _id: string; name: string }) =>
    setPicked((xs) => (xs.some((x) => x._id === m._id) ? xs.filter((x) => x._id !== m._id) : [...xs, m]));

  return (
    <Screen>
      <View className="card">
        <Field label="届次会议" required error={e.sessionId}>
          {o?.sessions.length ? (
            <Radio.Group
              className="choices"
              value={sessionId || o.sessions.find((s) => s.open)?._id || ''}
              onChange={(v) => setSessionId(String(v))}
            >
              {o.sessions.map((s) => (
                <Radio key={s._id} value={s._id} shape="button">
                  {s.name}
                  {s.open ? '（提交中）' : s.closesOn < today ? '（已截止）' : `（${s.opensOn} 起）`}
                </Radio>
              ))}
            </Radio.Group>
          ) : (
            <View className="muted">{options.loading ? '加载中…' : '暂无届次会议，请联系政协办公室'}</View>
          )}
        </Field>
        <Field label="提案类型" required error={e.kind}>
          <Radio.Group
            className="choices"
            value={kind}
            direction="horizontal"
            onChange={(v) => setKind(v as ProposalKind)}
          >
            {kinds.map((k) => (
              <Radio key={k} value={k} shape="button">
                {PROPOSAL_KIND_LABELS[k]}
              </Radio>
            ))}
          </Radio.Group>
        </Field>
        {kind === 'sector' ? (
          <Field label="界别" required error={e.sectorId} hint="界别提案由召集人代表界别提交">
            <Radio.Group
              className="choices"
              value={sectorId || o?.sectors[0]?._id}
              onChange={(v) => setSectorId(String(v))}
            >
              {o?.sectors.map((s) => (
                <Radio key={s._id} value={s._id} shape="button">
                  {s.name}
                </Radio>
              ))}
            </Radio.Group>
          </Field>
        ) : null}
        {kind === 'committee' ? (
          <Field label="专委会" required error={e.committeeId}>
            <Radio.Group
              className="choices"
              value={committeeId || o?.committees[0]?._id}
              onChange={(v) => setCommitteeId(String(v))}
            >
              {o?.committees.map((c) => (
                <Radio key={c._id} value={c._id} shape="button">
                  {c.name}
                </Radio>
              ))}
            </Radio.Group>
          </Field>
        ) : null}
        {kind === 'group' ? (
          <Field label="集体名称" required error={e.groupName}>
            <Input value={groupName} placeholder="例如：民盟会宁县委员会" onChange={setGroupName} />
          </Field>
        ) : null}
        <Field label="案由（标题）" required error={e.title} count={{ value: title, max: LIMITS.proposalTitle.max }}>
          <Input value={title} placeholder="关于……的建议" onChange={setTitle} />
        </Field>
        <Field
          className="longtext"
          label="提案内容"
          required
          error={e.body}
          count={{ value: body, max: LIMITS.proposalBody.max }}
          hint="写明情况分析和具体建议"
        >
          <TextArea
            value={body}
            rows={10}
            maxLength={LIMITS.proposalBody.max * 2}
            placeholder="一、情况分析 二、具体建议"
            onChange={setBody}
          />
        </Field>
        <Field label="邀请联名" hint="被邀请的委员确认后才计入联名">
          <Input value={q} placeholder="输入姓名查找委员" onChange={setQ} />
          <View className="proposal-pick">
            {(people.data ?? []).slice(0, 12).map((m) => (
              <Text
                key={m._id}
                className={`proposal-pick__item ${picked.some((x) => x._id === m._id) ? 'proposal-pick__item--on' : ''}`}
                onClick={() => toggle(m)}
              >
                {m.name}
                {m.sectorName ? ` · ${m.sectorName}` : ''}
              </Text>
            ))}
          </View>
          {picked.length ? <View className="muted">已选：{picked.map((m) => m.name).join('、')}</View> : null}
        </Field>
        <FormError error={create.error} fieldErrors={e} />
        {after ? <View className="banner-error">{after}</View> : null}
        <Button type="primary" block loading={create.loading} onClick={() => void save()}>
          保存草稿
        </Button>
      </View>
    </Screen>
  );
}
