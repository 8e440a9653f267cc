import type { Figures, IndicatorInfo, Weights } from '@lxq/types';

const round = (n: number) => Math.round(n * 100) / 100;
const signed = (w: number) => (w < 0 ? `(−${Math.abs(w)})` : String(w));

/**
 * The score, Σ value × weight over the indicators with a weight, and the same sum written out
 * beside it so a member can check it: "联系活动 3×2 + 值班缺勤 1×(−5) = 1".
 */
export function scoreOf(figures: Figures, weights: Weights, indicators: IndicatorInfo[]) {
  let score = 0;
  const terms: string[] = [];
  for (const i of indicators) {
    const w = weights[i.key] ?? 0;
    if (!w) continue;
    const v = figures[i.key] ?? 0;
    // A zero adds nothing: the rule lists what counted, so a member reads it at a glance.
    if (!v) continue;
    score += v * w;
    terms.push(`${i.label} ${v}×${signed(w)}`);
  }
  score = round(score);
  return { score, rule: terms.length ? `${terms.join(' + ')} = ${score}` : '各项计分指标均为 0，得分 0' };
}

/** Competition ranks by score, highest first (1, 1, 3 …), in the order given back. */
export function ranks<T extends { score: number }>(items: T[]): Map<T, number> {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const out = new Map<T, number>();
  sorted.forEach((x, i) => out.set(x, i > 0 && sorted[i - 1].score === x.score ? out.get(sorted[i - 1])! : i + 1));
  return out;
}

/** Only the known indicators' weights, defaults for the rest. */
export function completeWeights(given: Weights | undefined, indicators: IndicatorInfo[]): Weights {
  return Object.fromEntries(indicators.map((i) => [i.key, given?.[i.key] ?? i.defaultWeight]));
}
