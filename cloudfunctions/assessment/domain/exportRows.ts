import type { MemberAssessment } from '@lxq/types';
import type { Cell } from '../../shared/xlsx';
import { MEMBER_INDICATORS } from '../indicators';

/** The member list's columns in a workbook: every indicator, the score with its rule. */
export const lineHeader = (by: 'sector' | 'committee') => [
  by === 'sector' ? '界别' : '专委会',
  '界别内排名',
  '委员',
  '界别',
  '得分',
  ...MEMBER_INDICATORS.map((i) => `${i.label}（${i.unit}）`),
  '未达标',
  '计分规则',
];

export const lineWidths = () => [16, 10, 10, 14, 8, ...MEMBER_INDICATORS.map(() => 10), 30, 60];

/** One line as a row, under the group it is listed in. */
export const lineCells = (group: string, m: MemberAssessment): Cell[] => [
  group,
  `${m.sectorRank}/${m.sectorSize}`,
  m.name,
  m.sectorName,
  m.score,
  ...MEMBER_INDICATORS.map((i) => m.figures[i.key] ?? 0),
  m.shortfalls.join('；'),
  m.rule,
];
