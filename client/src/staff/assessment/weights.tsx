import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ActionOutput, IndicatorInfo, MemberAssessment, Weights } from '@lxq/types';
import { FormError } from '../../components/FormError';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { toCallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Loading } from '../../ui/loading';
import { StaffScreen } from '../components/StaffScreen';
import { NOW_QUARTER, NOW_YEAR } from './PeriodBar';
import './assessment.scss';

type Texts = Record<string, string>;
const toTexts = (w: Weights): Texts => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, String(v)]));
/** What the person typed as numbers; a blank or a non-number goes to the server, which says so. */
const toWeights = (t: Texts): Weights =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.trim() === '' ? Number.NaN : Number(v)]));

interface Moved {
  m: MemberAssessment;
  before: MemberAssessment | undefined;
  /** Place in the whole list under the weights saved now. */
  placeBefore: number;
}

/**
 * 考核权重: points per unit of each indicator, for members and for workstations; 预览 ranks the
 * current quarter under the weights typed, beside the ranks it has now, before anything is saved.
 */
export default function WeightsPage() {
  const { isStaff } = useMe();
  const settings = useQuery('assessment.settings', isStaff ? {} : null, String(isStaff));
  const save = useMutation('assessment.saveSettings');
  const [member, setMember] = useState<Texts>({});
  const [station, setStation] = useState<Texts>({});
  const [preview, setPreview] = useState<Moved[] | null>(null);
  const [previewError, setPreviewError] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const [saved, setSaved] = useState('');
  const s = settings.data;
  useEffect(() => {
    if (!s) return;
    setMember(toTexts(s.memberWeights));
    setStation(toTexts(s.stationWeights));
  }, [s]);

  const runPreview = async () => {
    setPreviewing(true);
    setPreviewError('');
    try {
      const period = { year: NOW_YEAR, quarter: NOW_QUARTER };
      const [now, tried] = await Promise.all([
        call('assessment.members', period),
        call('assessment.members', { ...period, weights: toWeights(member) }),
      ]);
      const flat = (r: ActionOutput<'assessment.members'>) => r.groups.flatMap((g) => g.members);
      const before = new Map(flat(now).map((m) => [m.userId, m]));
      const places = new Map(
        [...before.values()].sort((a, b) => b.score - a.score).map((m, i) => [m.userId, i + 1] as const),
      );
      const seen = new Set<string>();
      const moved = flat(tried)
        .filter((m) => !seen.has(m.userId) && seen.add(m.userId))
        .sort((a, b) => b.score - a.score)
        .map((m) => ({ m, before: before.get(m.userId), placeBefore: places.get(m.userId) ?? 0 }));
      setPreview(moved);
    } catch (e) {
      setPreviewError(toCallError(e).message);
    } finally {
      setPreviewing(false);
    }
  };
  const onSave = async () => {
    setSaved('');
    const done = await save.run({ memberWeights: toWeights(member), stationWeights: toWeights(station) });
    if (done) {
      setSaved('已保存：之后的考核按新权重计分，已冻结的季度保持冻结时的权重');
      void settings.reload();
    }
  };

  if (!s) {
    return (
      <StaffScreen>
        <View className="list-footer">
          {settings.error ? <Text>{settings.error.message}</Text> : <Loading>加载中…</Loading>}
        </View>
      </StaffScreen>
    );
  }
  const from = { own: '本单位已设置的权重', ancestor: '沿用上级单位的权重', default: '系统默认权重' }[s.from];
  return (
    <StaffScreen>
      <View className="assess-state" role="status">
        当前为{from}。得分 = 各项指标数值 × 权重之和；扣分项填负数，不计分填 0。
      </View>
      <FormError error={save.error} fieldErrors={save.fieldErrors} />
      {previewError ? <View className="banner-error">{previewError}</View> : null}
      <View className="assess-actions">
        <Button loading={previewing} disabled={previewing} onClick={() => void runPreview()}>
          预览本季度排名
        </Button>
        <Button type="primary" loading={save.loading} disabled={save.loading} onClick={() => void onSave()}>
          保存权重
        </Button>
        {saved ? (
          <View className="muted" role="status">
            {saved}
          </View>
        ) : null}
      </View>
      {preview ? <Preview rows={preview} /> : null}
      <View className="weights__cols">
        <WeightCard
          title="委员考核权重"
          indicators={s.memberIndicators}
          values={member}
          onChange={(k, v) => setMember({ ...member, [k]: v })}
          errors={save.fieldErrors}
          field="memberWeights"
        />
        <WeightCard
          title="工作站考核权重"
          indicators={s.stationIndicators}
          values={station}
          onChange={(k, v) => setStation({ ...station, [k]: v })}
          errors={save.fieldErrors}
          field="stationWeights"
        />
      </View>
    </StaffScreen>
  );
}

function WeightCard(p: {
  title: string;
  indicators: IndicatorInfo[];
  values: Texts;
  onChange: (key: string, v: string) => void;
  errors: Record<string, string>;
  field: string;
}) {
  return (
    <View className="card">
      <View className="card-title">{p.title}</View>
      {p.errors[p.field] ? <View className="field__error">{p.errors[p.field]}</View> : null}
      {p.indicators.map((i) => (
        <View key={i.key} className="weights__row">
          <View className="weights__label">
            {i.label}（每{i.unit}）<Text className="weights__hint">{i.hint}</Text>
            {p.errors[`${p.field}.${i.key}`] ? (
              <Text className="weights__hint field__error">{p.errors[`${p.field}.${i.key}`]}</Text>
            ) : null}
          </View>
          <Input
            className="weights__input"
            type="digit"
            aria-label={`${p.title}：${i.label}`}
            value={p.values[i.key] ?? ''}
            onChange={(v) => p.onChange(i.key, v)}
          />
        </View>
      ))}
    </View>
  );
}

function Preview({ rows }: { rows: Moved[] }) {
  const changed = rows.filter((r) => r.before && r.before.sectorRank !== r.m.sectorRank).length;
  return (
    <View className="card">
      <View className="card-title">
        预览：第{NOW_QUARTER}季度按新权重的排名（未保存；{changed} 位委员的界别排名会变化）
      </View>
      <View className="preview-scroll">
        <View className="preview" role="table" aria-label="权重预览">
          <View className="preview__tr preview__tr--head" role="row">
            {['名次（现 → 新）', '委员', '界别', '现得分', '新得分', '界别排名（现 → 新）'].map((h) => (
              <View key={h} className="preview__td" role="columnheader">
                {h}
              </View>
            ))}
          </View>
          {rows.slice(0, 30).map(({ m, before, placeBefore }, i) => {
            const delta = before ? before.sectorRank - m.sectorRank : 0;
            return (
              <View key={m.userId} className="preview__tr" role="row">
                <View className="preview__td" role="cell">
                  {placeBefore || '—'} → {i + 1}
                </View>
                <View className="preview__td" role="cell">
                  {m.name}
                </View>
                <View className="preview__td" role="cell">
                  {m.sectorName}
                </View>
                <View className="preview__td" role="cell">
                  {before?.score ?? '—'}
                </View>
                <View className="preview__td" role="cell">
                  {m.score}
                </View>
                <View className={`preview__td ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}`} role="cell">
                  {before?.sectorRank ?? '—'} → {m.sectorRank}
                  {delta > 0 ? ` ↑${delta}` : delta < 0 ? ` ↓${-delta}` : ''}
                </View>
              </View>
            );
          })}
        </View>
      </View>
      {rows.length > 30 ? <View className="muted">只列出前 30 位，共 {rows.length} 位</View> : null}
    </View>
  );
}
