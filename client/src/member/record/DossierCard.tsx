import { View } from '@tarojs/components';
import { useState } from 'react';
import { termsOf, type ActionOutput, type Term } from '@lxq/types';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { toCallError } from '../../services/errors';
import { openWorkbook } from '../../services/download';
import { Button } from '../../ui/button';
import { shareSummary } from './summaryImage';

type Dossier = ActionOutput<'liaison.dossier'>;

/**
 * 履职档案 of the year shown or of a term (届) of the member's unit: the Word document for the
 * 述职, and a summary image to share. The terms come from the unit's sessions (十三届一次会议 …).
 */
export function DossierCard({ year }: { year: number }) {
  const { me } = useMe();
  const sessions = useQuery('proposal.sessions', {});
  const terms = termsOf(sessions.data ?? [], new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()).reverse();
  const [term, setTerm] = useState<Term | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [made, setMade] = useState<Dossier | null>(null);
  const key = term ? `${term.name}${term.fromYear}-${term.toYear}` : String(year);
  const madeKey = made
    ? made.term
      ? `${made.term.name}${made.term.fromYear}-${made.term.toYear}`
      : String(made.year)
    : '';
  const dossier = async () => {
    if (made && madeKey === key) return made;
    const d = await call(
      'liaison.dossier',
      term ? { term: { name: term.name, fromYear: term.fromYear, toYear: term.toYear } } : { year },
    );
    setMade(d);
    return d;
  };
  const run = (label: string, job: (d: Dossier) => Promise<void>) => async () => {
    setBusy(label);
    setError('');
    try {
      await job(await dossier());
    } catch (e) {
      setError(toCallError(e).message || '生成失败，请稍后重试');
    } finally {
      setBusy('');
    }
  };
  const f = made && madeKey === key ? made.figures : null;
  return (
    <View className="card" aria-label="履职档案">
      <View className="card-title">{term ? term.label : `${year} 年`}履职档案</View>
      <View className="muted">
        {term
          ? `本届各年度值班、接待、联系群众和答复诉求的记录，可用于届末述职`
          : '全年值班、接待、联系群众和答复诉求的记录，可用于年度述职'}
      </View>
      {terms.length ? (
        <View className="county-chips" role="group" aria-label="档案范围">
          {[null, ...terms].map((t) => {
            const on = (t?.name ?? '') === (term?.name ?? '');
            return (
              <View
                key={t?.name ?? 'year'}
                className={`county-chip ${on ? 'county-chip--on' : ''}`}
                role="button"
                aria-pressed={on}
                onClick={() => setTerm(t)}
              >
                {on ? '✓ ' : ''}
                {t ? t.label : `${year} 年度`}
              </View>
            );
          })}
        </View>
      ) : null}
      {f ? (
        <View className="muted dossier-figures">
          值班到岗 {f.attended}/{f.shifts} 次 · 接待 {f.receptions} 批 · 联系 {f.activities} 次 {f.personTimes} 人次 ·
          答复诉求 {f.answered} 件
        </View>
      ) : null}
      {error ? <View className="banner-error">{error}</View> : null}
      <View className="row dossier-actions">
        <Button
          type="primary"
          loading={busy === 'word'}
          disabled={!!busy}
          onClick={run('word', (d) => openWorkbook(d.url, d.fileName, 'docx'))}
        >
          下载 Word 档案
        </Button>
        <Button
          loading={busy === 'image'}
          disabled={!!busy}
          onClick={run('image', (d) => shareSummary(d, me?.name ?? ''))}
        >
          生成分享图
        </Button>
      </View>
    </View>
  );
}
