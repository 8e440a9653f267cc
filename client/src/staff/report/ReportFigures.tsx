import { Picker, Text, View } from '@tarojs/components';
import type { ReportFigureRow } from '@lxq/types';
import { ORG_LEVEL_LABELS } from '@lxq/types/domain/report';
import { useQuery } from '../../hooks/useQuery';

const LEVELS = ['county', 'city', 'province', 'national'] as const;

function Top({ title, rows }: { title: string; rows: ReportFigureRow[] }) {
  return (
    <View className="report-fig__list">
      <View className="report-fig__list-title">{title}</View>
      {rows.length ? null : <View className="muted">暂无</View>}
      {rows.slice(0, 5).map((r) => (
        <View key={r.key} className="row report-fig__row">
          <Text className="report-fig__name">{r.name}</Text>
          <Text className="muted nowrap">
            报送 {r.submitted} · 采用 {r.adopted}
            {r.instructed ? ` · 批示 ${r.instructed}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The year's 社情民意 figures of the caller's unit and below: the headline, then per member, sector, unit. */
export function ReportFigures({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const f = useQuery('report.figures', { year }, String(year));
  const d = f.data;
  const years = Array.from({ length: 5 }, (_, i) => String(new Date().getFullYear() - i));
  return (
    <View className="card report-fig">
      <View className="row">
        <View className="card-title">报送与采用</View>
        <View className="spacer" />
        <Picker
          mode="selector"
          range={years}
          value={years.indexOf(String(year))}
          onChange={(e) => onYear(Number(years[Number(e.detail.value)]))}
        >
          <View className="picker-value report-fig__year">{year} 年 ▾</View>
        </Picker>
      </View>
      <View className="report-fig__heads">
        <View className="report-fig__head">
          <View className="report-fig__n">{d?.submitted ?? '—'}</View>
          <View className="muted">报送</View>
        </View>
        <View className="report-fig__head">
          <View className="report-fig__n">{d?.adopted ?? '—'}</View>
          <View className="muted">采用</View>
        </View>
        {LEVELS.map((l) => (
          <View key={l} className="report-fig__head">
            <View className="report-fig__n">{d?.adoptedByLevel[l] ?? '—'}</View>
            <View className="muted">{ORG_LEVEL_LABELS[l]}采用</View>
          </View>
        ))}
        <View className="report-fig__head">
          <View className="report-fig__n">{d?.instructed ?? '—'}</View>
          <View className="muted">获批示</View>
        </View>
      </View>
      {d ? (
        <View className="report-fig__lists">
          <Top title="按委员" rows={d.byMember} />
          <Top title="按界别" rows={d.bySector} />
          <Top title="按单位" rows={d.byUnit} />
        </View>
      ) : null}
    </View>
  );
}
