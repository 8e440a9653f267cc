import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ProgressBar } from '../../components/LiaisonParts';
import { LoadFailed } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../hooks/useQuery';
import { Loading } from '../../ui/loading';
import { formatChinaTime } from '../../utils/time';
import { DossierCard } from './DossierCard';
import './index.scss';

const NOW_YEAR = Number(formatChinaTime(new Date(), 'YYYY'));
const NOW_QUARTER = Math.floor((Number(formatChinaTime(new Date(), 'M')) - 1) / 3) + 1;

/** 我的成绩单: a quarter and its year so far against the quotas, with a bar per quarter. */
export default function RecordPage() {
  const [year, setYear] = useState(NOW_YEAR);
  const [quarter, setQuarter] = useState(NOW_QUARTER);
  const q = useQuery('liaison.scorecard', { year, quarter }, `${year}-${quarter}`);
  const d = q.data;
  const pick = (y: number, qq: number) => {
    if (y > NOW_YEAR || (y === NOW_YEAR && qq > NOW_QUARTER)) return;
    setYear(y);
    setQuarter(qq);
  };
  const max = Math.max(1, ...(d?.quarters.map((x) => x.personTimes) ?? [1]));

  return (
    <Screen>
      <View className="card">
        <View className="row">
          <Text className="link record-year" onClick={() => pick(year - 1, 4)}>
            ‹ {year - 1}
          </Text>
          <View className="spacer" />
          <Text className="card-title">{year} 年</Text>
          <View className="spacer" />
          <Text
            className={year < NOW_YEAR ? 'link record-year' : 'record-year record-year--off'}
            onClick={() => pick(year + 1, year + 1 === NOW_YEAR ? NOW_QUARTER : 4)}
          >
            {year + 1} ›
          </Text>
        </View>
        <View className="quarter-picker">
          {[1, 2, 3, 4].map((x) => {
            const future = year === NOW_YEAR && x > NOW_QUARTER;
            return (
              <Text
                key={x}
                className={`quarter-picker__item ${x === quarter ? 'quarter-picker__item--on' : ''} ${future ? 'quarter-picker__item--off' : ''}`}
                onClick={() => pick(year, x)}
              >
                第{x}季度
              </Text>
            );
          })}
        </View>
      </View>

      {!d ? (
        q.error ? (
          <LoadFailed message={q.error.message} onRetry={() => void q.reload()} />
        ) : (
          <View className="list-footer">
            <Loading>加载中…</Loading>
          </View>
        )
      ) : (
        <>
          <View className={`card verdict ${d.progress.shortfalls.length ? 'verdict--behind' : 'verdict--ok'}`}>
            <View className="verdict__title">
              {d.progress.shortfalls.length ? (d.current ? '本季度还需努力' : '该季度未达标') : '已达到考核要求'}
            </View>
            {d.progress.shortfalls.map((s) => (
              <View key={s} className="verdict__line">
                · {s}
              </View>
            ))}
            {q.loading ? <View className="muted">更新中…</View> : null}
          </View>

          <View className="card assess-score">
            <View className="card-title">第{d.quarter}季度履职考核</View>
            {d.assessment ? (
              <>
                <View className="duty-figures">
                  <View>
                    <Text className="duty-figures__num">{d.assessment.score}</Text>
                    <Text className="muted">得分</Text>
                  </View>
                  <View>
                    <Text className="duty-figures__num">
                      {d.assessment.sectorRank}/{d.assessment.sectorSize}
                    </Text>
                    <Text className="muted">{d.assessment.sectorName}内排名</Text>
                  </View>
                </View>
                <View className="assess-score__rule">计分：{d.assessment.rule}</View>
              </>
            ) : (
              <View className="muted">
                {d.current
                  ? '季度结束、工作人员冻结考核后公布得分和界别内排名'
                  : '该季度的考核尚未冻结，冻结后公布得分和排名'}
              </View>
            )}
          </View>

          <View className="card">
            <View className="card-title">
              第{d.quarter}季度{d.current ? '（进行中）' : ''}
            </View>
            <ProgressBar
              label="联系活动（次）"
              value={d.progress.quarterActivities}
              target={d.quota.activitiesPerQuarter}
            />
            <View className="muted">本季度联系 {d.progress.quarterPersonTimes} 人次</View>
          </View>

          <View className="card">
            <View className="card-title">
              {d.year} 年累计（截至第{d.quarter}季度）
            </View>
            <ProgressBar label="联系人次" value={d.progress.yearPersonTimes} target={d.quota.personTimesPerYear} />
            <View className="muted">
              全年共 {d.progress.yearActivities} 次活动 · 指标：每季度至少 {d.quota.activitiesPerQuarter} 次，全年不少于{' '}
              {d.quota.personTimesPerYear} 人次
            </View>
          </View>

          <View className="card">
            <View className="card-title">各季度联系人次</View>
            <View className="qchart">
              {d.quarters.map((x) => (
                <View
                  key={x.quarter}
                  className={`qchart__col ${x.quarter === d.quarter ? 'qchart__col--on' : ''}`}
                  onClick={() => pick(d.year, x.quarter)}
                >
                  <Text className="qchart__value">{x.personTimes}</Text>
                  <View className="qchart__bar-box">
                    <View className="qchart__bar" style={{ height: `${Math.round((x.personTimes / max) * 100)}%` }} />
                  </View>
                  <Text className="qchart__label">Q{x.quarter}</Text>
                  <Text className="qchart__sub">{x.activities} 次</Text>
                </View>
              ))}
            </View>
          </View>

          <View className="card">
            <View className="card-title">答复群众诉求</View>
            <View className="duty-figures">
              <View>
                <Text className="duty-figures__num">{d.concernsAnswered.quarter}</Text>
                <Text className="muted">第{d.quarter}季度</Text>
              </View>
              <View>
                <Text className="duty-figures__num">{d.concernsAnswered.year}</Text>
                <Text className="muted">{d.year} 年累计</Text>
              </View>
            </View>
            <View className="muted" style={{ marginTop: '12px' }}>
              分派给您的诉求，按首次答复的时间计入
            </View>
          </View>

          <View className="card">
            <View className="card-title">参与协商议事</View>
            <View className="duty-figures">
              <View>
                <Text className="duty-figures__num">{d.topics.meetings.quarter}</Text>
                <Text className="muted">本季度协商会</Text>
              </View>
              <View>
                <Text className="duty-figures__num">{d.topics.research.quarter}</Text>
                <Text className="muted">本季度议前调研</Text>
              </View>
              <View>
                <Text className="duty-figures__num">{d.topics.meetings.year + d.topics.research.year}</Text>
                <Text className="muted">{d.year} 年累计</Text>
              </View>
            </View>
            <View className="muted" style={{ marginTop: '12px' }}>
              扫码签到的协商会议、完成的调研任务
            </View>
          </View>

          <View className="card">
            <View className="card-title">第{d.quarter}季度值班</View>
            <View className="duty-figures">
              <View>
                <Text className="duty-figures__num">{d.duty.attended}</Text>
                <Text className="muted">已值班</Text>
              </View>
              <View>
                <Text className="duty-figures__num">{d.duty.late}</Text>
                <Text className="muted">迟到</Text>
              </View>
              <View>
                <Text className="duty-figures__num">{d.duty.absent}</Text>
                <Text className="muted">缺勤</Text>
              </View>
              <View>
                <Text className="duty-figures__num">{d.duty.leave}</Text>
                <Text className="muted">请假</Text>
              </View>
            </View>
          </View>
          <DossierCard year={d.year} />
        </>
      )}
    </Screen>
  );
}
