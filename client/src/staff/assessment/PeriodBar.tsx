import { Text, View } from '@tarojs/components';
import { formatChinaTime } from '../../utils/time';

export const NOW_YEAR = Number(formatChinaTime(new Date(), 'YYYY'));
export const NOW_QUARTER = Math.floor((Number(formatChinaTime(new Date(), 'M')) - 1) / 3) + 1;

export interface Period {
  year: number;
  /** null: the whole year. */
  quarter: number | null;
}

export const periodText = (p: Period) => (p.quarter === null ? `${p.year}年全年` : `${p.year}年第${p.quarter}季度`);

/** The year (‹ 2025 · 2026 ›) and its quarters, with 全年 when the page ranks a whole year. */
export function PeriodBar(p: { value: Period; onChange: (v: Period) => void; withYear?: boolean }) {
  const { year, quarter } = p.value;
  const future = (y: number, q: number) => y > NOW_YEAR || (y === NOW_YEAR && q > NOW_QUARTER);
  const go = (y: number) => {
    if (y > NOW_YEAR) return;
    const q = quarter === null ? null : future(y, quarter) ? NOW_QUARTER : quarter;
    p.onChange({ year: y, quarter: q });
  };
  return (
    <View className="period-bar">
      <Text className="period-bar__year-step link" onClick={() => go(year - 1)}>
        ‹ {year - 1}
      </Text>
      <Text className="period-bar__year">{year} 年</Text>
      <Text
        className={`period-bar__year-step ${year < NOW_YEAR ? 'link' : 'period-bar__off'}`}
        onClick={() => go(year + 1)}
      >
        {year + 1} ›
      </Text>
      <View className="period-bar__chips" role="tablist" aria-label="考核时段">
        {[1, 2, 3, 4].map((q) => (
          <View
            key={q}
            role="tab"
            aria-selected={quarter === q}
            className={`period-bar__chip ${quarter === q ? 'period-bar__chip--on' : ''} ${future(year, q) ? 'period-bar__off' : ''}`}
            onClick={() => !future(year, q) && p.onChange({ year, quarter: q })}
          >
            第{q}季度
          </View>
        ))}
        {p.withYear ? (
          <View
            role="tab"
            aria-selected={quarter === null}
            className={`period-bar__chip ${quarter === null ? 'period-bar__chip--on' : ''}`}
            onClick={() => p.onChange({ year, quarter: null })}
          >
            全年
          </View>
        ) : null}
      </View>
    </View>
  );
}
