import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ActionOutput } from '@lxq/types';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';
import { toCallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';

type Dossier = ActionOutput<'liaison.memberDossier'>;

const THIS_YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/**
 * A member's 履职档案 made by staff (for the office's 述职 files): this year's at once, then any
 * of the last five years or a term (届) of the member's unit, as a Word document.
 */
export function DossierPanel({ member, onClose }: { member: { userId: string; name: string }; onClose: () => void }) {
  const [asked, setAsked] = useState<{ year?: number; term?: string }>({});
  const { year, term } = asked;
  const [made, setMade] = useState<Dossier | null>(null);
  const [terms, setTerms] = useState<Dossier['terms']>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(true);

  useEffect(() => {
    let live = true;
    setBusy(true);
    setError('');
    call('liaison.memberDossier', { memberId: member.userId, year, term }).then(
      (d) => {
        if (!live) return;
        setMade(d);
        setTerms(d.terms);
        setBusy(false);
      },
      (e) => {
        if (!live) return;
        setError(toCallError(e).message || '生成失败，请稍后重试');
        setBusy(false);
      },
    );
    return () => {
      live = false;
    };
  }, [member.userId, year, term]);

  const years = [0, 1, 2, 3, 4].map((k) => THIS_YEAR - k);
  const chip = (key: string, label: string, on: boolean, pick: () => void) => (
    <View
      key={key}
      className={`county-chip ${on ? 'county-chip--on' : ''}`}
      role="button"
      aria-pressed={on}
      onClick={busy ? undefined : pick}
    >
      {on ? '✓ ' : ''}
      {label}
    </View>
  );
  const f = made?.figures;
  return (
    <View className="card assess-dossier" aria-label={`${member.name}的履职档案`}>
      <View className="assess-dossier__head">
        <Text className="card-title">{member.name} 的履职档案</Text>
        <Button onClick={onClose}>关闭</Button>
      </View>
      <View className="county-chips" role="group" aria-label="档案范围">
        {years.map((y) =>
          chip(String(y), `${y} 年度`, !asked.term && (asked.year ?? THIS_YEAR) === y, () => setAsked({ year: y })),
        )}
        {terms
          .slice()
          .reverse()
          .map((t) => chip(t.name, t.label, asked.term === t.name, () => setAsked({ term: t.name })))}
      </View>
      {busy ? <Loading>正在生成…</Loading> : null}
      {error ? <View className="banner-error">{error}</View> : null}
      {made && f && !busy ? (
        <View className="assess-dossier__body">
          <View className="assess-dossier__label">{made.label}</View>
          <View className="muted">
            值班到岗 {f.attended}/{f.shifts} 次（迟到 {f.late}、缺勤 {f.absent}、请假 {f.leave}） · 接待 {f.receptions}{' '}
            批 {f.receptionPeople} 人次 · 联系活动 {f.activities} 次 {f.personTimes} 人次 · 答复诉求 {f.answered}{' '}
            件（按时 {f.answeredOnTime} 件）
          </View>
          {made.byYear.length ? (
            <View className="assess-dossier__years">
              {made.byYear.map((y) => (
                <Text key={y.year} className="assess-dossier__year">
                  {y.year} 年：联系 {y.figures.activities} 次 · 值班 {y.figures.shifts} 次 · 答复 {y.figures.answered}{' '}
                  件
                </Text>
              ))}
            </View>
          ) : null}
          <View className="assess-actions">
            <Button type="primary" onClick={() => void openWorkbook(made.url, made.fileName, 'docx')}>
              下载 Word 档案
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
