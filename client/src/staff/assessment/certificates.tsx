import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { formatChinaTime } from '../../utils/time';
import { StaffScreen } from '../components/StaffScreen';
import { NOW_YEAR, periodText } from './PeriodBar';
import './assessment.scss';
import './certificates.scss';

const COUNTS = [3, 5, 10];

/**
 * 优秀委员工作站 表彰名单: the top workstations of the period as a page that prints on A4 (the
 * console's menu, header and buttons are left out of the print).
 */
export default function CertificatesPage() {
  const { me, isStaff } = useMe();
  const params = useRouter().params;
  const period = { year: Number(params.year) || NOW_YEAR, quarter: params.quarter ? Number(params.quarter) : null };
  const q = useQuery('assessment.stations', isStaff ? period : null, JSON.stringify(period));
  const [count, setCount] = useState(5);
  const top = (q.data?.items ?? []).slice(0, count);
  const unitName = me?.scopes?.[0]?.name ?? me?.unit?.name ?? '';
  const figure = (k: string) => q.data?.indicators.find((i) => i.key === k);
  const shown = [
    'duty.covered',
    'reception.count',
    'concern.collected',
    'concern.answered',
    'concern.rating',
    'topic.held',
  ].filter((k) => figure(k));

  return (
    <StaffScreen>
      <View className="no-print assess-actions">
        {COUNTS.map((n) => (
          <Button key={n} type={n === count ? 'primary' : 'default'} onClick={() => setCount(n)}>
            前 {n} 名
          </Button>
        ))}
        <Button onClick={() => (process.env.TARO_ENV === 'h5' ? window.print() : undefined)}>打印</Button>
      </View>
      <View className="cert">
        <View className="cert__title">{unitName}</View>
        <View className="cert__title">
          {period.quarter === null ? `${period.year}年度` : periodText(period)}优秀委员工作站名单
        </View>
        <View className="cert__lead">
          经对各委员工作站{periodText(period)}
          的值班值守、接待群众、收集和答复群众诉求、群众评价、开展小微协商等情况量化考核，以下工作站成绩突出，予以通报表扬。
        </View>
        <View className="cert__table" role="table" aria-label="表彰名单">
          <View className="cert__tr cert__tr--head" role="row">
            <View className="cert__td" role="columnheader">
              名次
            </View>
            <View className="cert__td" role="columnheader">
              工作站
            </View>
            <View className="cert__td" role="columnheader">
              得分
            </View>
            {shown.map((k) => (
              <View key={k} className="cert__td" role="columnheader">
                {figure(k)!.label}
              </View>
            ))}
          </View>
          {top.map((s) => (
            <View key={s.workstationId} className="cert__tr" role="row">
              <View className="cert__td" role="cell">
                {s.rank}
              </View>
              <View className="cert__td" role="cell">
                {s.name}
              </View>
              <View className="cert__td" role="cell">
                {s.score}
              </View>
              {shown.map((k) => (
                <View key={k} className="cert__td" role="cell">
                  {s.figures[k] ?? 0}
                </View>
              ))}
            </View>
          ))}
        </View>
        {q.loading && !q.data ? <View className="muted">加载中…</View> : null}
        {q.error ? <View className="banner-error">{q.error.message}</View> : null}
        <View className="cert__sign">
          <View>{unitName}（盖章）</View>
          <View>{formatChinaTime(new Date(), 'YYYY年M月D日')}</View>
        </View>
      </View>
    </StaffScreen>
  );
}
