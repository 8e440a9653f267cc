import { Text } from '@tarojs/components';
import type { IndicatorInfo, MemberAssessment } from '@lxq/types';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';
import { runExport, type ExportDone } from '../../services/exportJob';
import type { Column } from '../components/DataTable';
import type { Period } from './PeriodBar';

export type Row = MemberAssessment & { group: string };

/** Members without a sector are listed under this name by the server (assessment/domain/members.ts). */
export const NO_SECTOR = '未分界别';

// No column sorts: the server answers one page at a time in its own order (group, score best
// first, name), and reordering a page alone would pass for an order of the whole list.
export const memberColumns = (
  indicators: IndicatorInfo[],
  groupTitle: string,
  onDossier: (r: Row) => void,
): Column<Row>[] => [
  { key: 'group', title: groupTitle, render: (r) => r.group },
  { key: 'name', title: '委员', fixed: true, render: (r) => r.name },
  { key: 'rank', title: '界别排名', render: (r) => `${r.sectorRank}/${r.sectorSize}` },
  { key: 'score', title: '得分', fixed: true, render: (r) => r.score },
  ...indicators.map((i): Column<Row> => ({ key: i.key, title: i.label, render: (r) => r.figures[i.key] ?? 0 })),
  {
    key: 'short',
    title: '未达标',
    wrap: true,
    render: (r) => (r.shortfalls.length ? <span className="cell-short">{r.shortfalls.join('；')}</span> : '—'),
  },
  { key: 'rule', title: '计分规则', wrap: true, render: (r) => <span className="assess-rule">{r.rule}</span> },
  {
    key: 'dossier',
    title: '履职档案',
    render: (r) => (
      <Text className="link" aria-label={`${r.name}的履职档案`} onClick={() => onDossier(r)}>
        履职档案
      </Text>
    ),
  },
];

export interface ListView {
  period: Period;
  groupBy: 'sector' | 'committee';
  sector: string;
  short: boolean;
  frozen: boolean;
}

/**
 * The member list as a workbook. A frozen quarter by sector goes through the export job, exactly
 * as filtered and a chunk at a time, its progress told; any other view (a live period, or grouped
 * by committee) is one assessment.export of every member, and the message says the filters were
 * not applied.
 */
export async function exportMembers(v: ListView, progress: (text: string) => void): Promise<ExportDone> {
  const { year, quarter } = v.period;
  if (v.frozen && quarter !== null && v.groupBy === 'sector') {
    const done = await runExport(
      {
        kind: 'assessment',
        assessment: { year, quarter, ...(v.sector ? { sector: v.sector } : {}), ...(v.short ? { short: true } : {}) },
      },
      progress,
    );
    return { ...done, text: `${done.text}（冻结数字）` };
  }
  const r = await call('assessment.export', { year, quarter, groupBy: v.groupBy });
  await openWorkbook(r.url, r.fileName).catch(() => undefined);
  const unfiltered = v.sector || v.short ? '；此导出含全部委员，未按界别或未达标筛选' : '';
  return {
    text: `已导出 ${r.rows} 行（${r.frozen ? '冻结数字' : '实时数字'}${unfiltered}）`,
    url: r.url,
    fileName: r.fileName,
  };
}
