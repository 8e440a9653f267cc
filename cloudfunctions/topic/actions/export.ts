import {
  TOPIC_FORM_LABELS,
  TOPIC_FORMS,
  TOPIC_PARTICIPATION_RULE,
  TOPIC_SOURCE_LABELS,
  TOPIC_SOURCES,
  TOPIC_STEP_LABELS,
  type TopicFigures,
} from '@lxq/types';
import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { topicsInPeriod } from '../../shared/data/topics';
import { getUnit } from '../../shared/data/units';
import { inChina } from '../../shared/time';
import { workbook, type Cell } from '../../shared/xlsx';
import { figuresOf, onTime } from '../domain/figures';
import { participationsOf } from '../domain/participations';
import { periodOf } from '../domain/period';

const figureRows = (f: TopicFigures): Cell[][] => [
  ['议题总数', f.topics],
  ...TOPIC_SOURCES.map((s): Cell[] => [`来源：${TOPIC_SOURCE_LABELS[s]}`, f.bySource[s]]),
  ...TOPIC_FORMS.map((s): Cell[] => [`形式：${TOPIC_FORM_LABELS[s]}`, f.byForm[s]]),
  ['开展协商（已完成协商议事）', f.consultations],
  [`参与人次（${TOPIC_PARTICIPATION_RULE}）`, f.participations],
  ['协商建议清单（条）', f.suggestions],
  ['责任落实清单（条）', f.assigned],
  ['结果反馈清单（条）', f.withResult],
  ['按期完成（条）', f.onTime],
  ['办结议题', f.solved],
];

/** The figures and the three lists of the period as a workbook: one sheet of figures, one line per item. */
export default defineAction({
  name: 'topic.export',
  roles: ['staff', 'admin'],
  mutates: false,
  async handler(input, ctx) {
    const unitId = await ctx.scopeUnitId();
    const p = periodOf(input, ctx.now);
    const [topics, unit, participations] = await Promise.all([
      topicsInPeriod(unitId, p.start, p.end),
      getUnit(unitId),
      participationsOf(unitId, p.start, p.end),
    ]);
    const items: Cell[][] = topics.flatMap((t) =>
      (t.items.length ? t.items : [null]).map((i): Cell[] => [
        t.title,
        TOPIC_SOURCE_LABELS[t.source],
        TOPIC_FORM_LABELS[t.form],
        t.closedAt ? '已办结' : TOPIC_STEP_LABELS[t.step],
        i?.no ?? '',
        i?.suggestion ?? '',
        i?.department ?? '',
        i?.owner ?? '',
        i?.deadline ?? '',
        i?.outcome ?? '',
        i?.decidedBy ?? '',
        i?.result ?? '',
        i ? (onTime(i) ? '是' : i.result ? '否' : '') : '',
      ]),
    );
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const bytes = workbook([
      {
        name: '统计',
        header: [`${p.from} 至 ${p.to}`, '数量'],
        rows: figureRows(figuresOf(topics, p.from, p.to, participations)),
        widths: [60, 10],
      },
      {
        name: '三张清单',
        header: [
          '议题',
          '来源',
          '形式',
          '步骤',
          '序号',
          '协商建议',
          '责任单位',
          '责任人',
          '完成时限',
          '预期成效',
          '决定机构',
          '办理结果',
          '按期',
        ],
        rows: items,
        widths: [30, 10, 10, 10, 6, 40, 18, 10, 12, 24, 18, 40, 6],
      },
    ]);
    const url = await putFile(`exports/topics/${unitId}/${stamp}-${ctx.newId().slice(0, 6)}.xlsx`, bytes);
    return { fileName: `协商议题-${unit.name}-${stamp}.xlsx`, url, rows: items.length };
  },
});
