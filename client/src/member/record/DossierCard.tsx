import { View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionOutput } from '@lxq/types';
import { useMe } from '../../hooks/useMe';
import { call } from '../../services/call';
import { toCallError } from '../../services/errors';
import { openWorkbook } from '../../services/download';
import { Button } from '../../ui/button';
import { shareSummary } from './summaryImage';

type Dossier = ActionOutput<'liaison.dossier'>;

/** 履职档案 of the year shown: the Word document for the annual 述职, and a summary image to share. */
export function DossierCard({ year }: { year: number }) {
  const { me } = useMe();
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [made, setMade] = useState<Dossier | null>(null);
  const dossier = async () => {
    if (made && made.year === year) return made;
    const d = await call('liaison.dossier', { year });
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
  const f = made?.year === year ? made.figures : null;
  return (
    <View className="card">
      <View className="card-title">{year} 年履职档案</View>
      <View className="muted">全年值班、接待、联系群众和答复诉求的记录，可用于年度述职</View>
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
