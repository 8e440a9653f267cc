import { Text, View } from '@tarojs/components';
import type { ProposalView } from '@lxq/types';
import {
  ANSWER_CATEGORY_LABELS,
  NOT_FILED_DISPOSITION_LABELS,
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATUS_LABELS,
  RATING_LABELS,
  type ProposalStatus,
} from '@lxq/types/domain/proposal';
import { formatChinaTime } from '../utils/time';
import './ProposalParts.scss';

export function ProposalStatusChip({ status }: { status: ProposalStatus }) {
  return <Text className="chip chip--red proposal-status">{PROPOSAL_STATUS_LABELS[status]}</Text>;
}

const SOURCE_LABELS = { concern: '诉求', liaison: '联系记录', report: '社情民意信息' } as const;
const COSIGN: Record<string, string> = { invited: '待确认', confirmed: '已确认', declined: '已谢绝' };

/** The proposal as everyone who may read it sees it: what it says, who signed, what happened, the replies. */
export function ProposalDetail({ p, onReport }: { p: ProposalView; onReport?: (reportId: string) => void }) {
  const who =
    p.sectorName && p.kind === 'sector'
      ? `${p.sectorName}（召集人 ${p.proposerName}）`
      : (p.committeeName ?? p.groupName ?? p.proposerName);
  return (
    <>
      <View className="card">
        <View className="row">
          <Text className="card-title proposal-row__title">{p.title}</Text>
          <ProposalStatusChip status={p.status} />
        </View>
        <View className="muted">
          {p.sessionName || '（未提交）'} · {PROPOSAL_KIND_LABELS[p.kind]}
          {p.key ? ' · 重点提案' : ''}
        </View>
        <View className="muted">提案人：{who}</View>
        {p.cosigners.length ? (
          <View className="muted">联名：{p.cosigners.map((c) => `${c.name}（${COSIGN[c.status]}）`).join('、')}</View>
        ) : null}
        {p.sources.length ? (
          <View className="muted">
            来源：{p.sources.map((s) => `${SOURCE_LABELS[s.kind]}「${s.title}」`).join('、')}
          </View>
        ) : null}
        <View className="proposal-body">{p.body}</View>
      </View>
      {p.notFiled ? (
        <View className="card">
          <View className="card-title">未予立案</View>
          <View>理由：{p.notFiled.reason}</View>
          <View className="muted">处理方式：{NOT_FILED_DISPOSITION_LABELS[p.notFiled.disposition]}</View>
          {p.notFiled.reportId && onReport ? (
            <Text className="link proposal-to-report" onClick={() => onReport(p.notFiled!.reportId!)}>
              已生成社情民意信息草稿，去修改并报送 ›
            </Text>
          ) : null}
        </View>
      ) : null}
      {p.mergedInto ? <View className="card">已并入「{p.mergedInto.title}」一并办理。</View> : null}
      {p.mergedFrom.length ? (
        <View className="card muted">
          并入本提案：{p.mergedFrom.map((m) => `「${m.title}」（${m.proposerName}）`).join('、')}
        </View>
      ) : null}
      {p.assignments.length ? (
        <View className="card">
          <View className="card-title">办理情况</View>
          {p.assignments.map((a) => (
            <View key={a.handlingUnitId} className="proposal-reply">
              <View className="row">
                <Text style={{ flex: 1 }}>
                  {a.name}（{a.role === 'lead' ? '主办' : '协办'}）
                </Text>
                <Text className="muted">
                  {{ pending: '待签收', acknowledged: '办理中', returned: '已退回', answered: '已答复' }[a.status]} ·
                  期限 {a.dueOn}
                </Text>
              </View>
              {a.replies.map((r, i) => (
                <View key={i}>
                  <View>
                    {ANSWER_CATEGORY_LABELS[r.category]}
                    {i > 0 ? '（重新办理）' : ''}
                  </View>
                  <View className="proposal-body">{r.text}</View>
                  <View className="muted">
                    答复函：{r.fileName} · {formatChinaTime(r.at)}
                  </View>
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}
      {p.ratings.length ? (
        <View className="card">
          <View className="card-title">评价</View>
          {p.ratings.map((r, i) => (
            <View key={i}>
              {RATING_LABELS[r.rating]}
              {r.comment ? `：${r.comment}` : ''}
            </View>
          ))}
        </View>
      ) : null}
      <View className="card proposal-events">
        <View className="card-title">经过</View>
        {[...p.events].reverse().map((e, i) => (
          <View key={i} className="proposal-events__item">
            <View>
              {e.action}
              {e.note ? `：${e.note}` : ''}
            </View>
            <View className="muted">
              {e.byName} · {formatChinaTime(e.at as unknown as string)}
            </View>
          </View>
        ))}
      </View>
    </>
  );
}
