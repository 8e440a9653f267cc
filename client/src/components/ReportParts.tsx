import { Text, View } from '@tarojs/components';
import type { ReportView } from '@lxq/types';
import { REPORT_STATUS_LABELS } from '@lxq/types/domain/report';
import { formatChinaTime } from '../utils/time';
import './ReportParts.scss';

/** A report's status as a chip, in the colour of where it stands. */
export function ReportStatus({ status }: { status: ReportView['status'] }) {
  return <Text className={`chip report-status report-status--${status}`}>{REPORT_STATUS_LABELS[status]}</Text>;
}

/** The report in its official layout: 标题, 反映人/单位, 基本情况, 存在问题, 意见建议, and where it came from. */
export function ReportBody({ r }: { r: ReportView }) {
  const part = (title: string, text: string) => (
    <View className="report-part">
      <View className="report-part__title">{title}</View>
      {text.split('\n').map((line, i) => (
        <View key={i} className="report-part__text">
          {line}
        </View>
      ))}
    </View>
  );
  return (
    <View className="card report-body">
      <View className="report-body__title">{r.title}</View>
      <View className="muted report-body__reporter">反映人/单位：{r.reporter}</View>
      {part('一、基本情况', r.situation)}
      {part('二、存在问题', r.problems)}
      {part('三、意见建议', r.suggestions)}
      {r.concerns.length || r.records.length || r.fromProposal ? (
        <View className="report-part">
          <View className="report-part__title">来源</View>
          {r.concerns.map((c) => (
            <View key={c._id} className="muted report-source">
              群众诉求：{c.title}
            </View>
          ))}
          {r.records.map((x) => (
            <View key={x._id} className="muted report-source">
              联系记录：{x.date} {x.place}
            </View>
          ))}
          {r.fromProposal ? (
            <View className="muted report-source">由未立案的提案转来：「{r.fromProposal.title}」</View>
          ) : null}
        </View>
      ) : null}
      {r.proposals.length ? (
        <View className="report-part">
          <View className="report-part__title">已形成提案</View>
          {r.proposals.map((p) => (
            <View key={p._id} className="muted report-source">
              提案：「{p.title}」
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** Every level's handling, oldest first: submissions, comments, decisions, then 批示. */
export function ReportHistory({ r }: { r: ReportView }) {
  return (
    <View className="card">
      <View className="card-title">办理情况</View>
      <View className="muted report-where">
        {REPORT_STATUS_LABELS[r.status]} · 当前在{r.atUnitName || r.unitName}
      </View>
      {r.decisions.length ? null : <View className="muted">尚未报送</View>}
      {r.decisions.map((d, i) => (
        <View key={i} className="report-step">
          <View className="row report-step__head">
            <Text className="report-step__label">{d.label}</Text>
            <Text className="muted">{d.unitName}</Text>
            <View className="spacer" />
            <Text className="muted nowrap">{formatChinaTime(d.at, 'MM-DD HH:mm')}</Text>
          </View>
          {d.publication ? (
            <View className="report-step__text">
              采用于{d.publication}
              {d.issue}
            </View>
          ) : null}
          {d.note ? (
            <View className="report-step__text">
              {d.action === 'return' ? '修改意见：' : d.action === 'reject' ? '不采用理由：' : '说明：'}
              {d.note}
            </View>
          ) : null}
          <View className="muted report-step__by">{d.byName}</View>
        </View>
      ))}
      {r.instructions.map((x, i) => (
        <View key={`i${i}`} className="report-step report-step--instruction">
          <View className="row report-step__head">
            <Text className="report-step__label">领导批示</Text>
            <Text className="muted">
              {x.level} · {x.position}
              {x.leaderName ? ` ${x.leaderName}` : ''}
            </Text>
            <View className="spacer" />
            <Text className="muted nowrap">{x.date}</Text>
          </View>
          <View className="report-step__text">{x.text}</View>
        </View>
      ))}
    </View>
  );
}
