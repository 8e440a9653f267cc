/** A report in the official layout, as the .docx writer takes it (shared/docx.ts). */
import { ORG_LEVEL_LABELS, type Report } from '@lxq/types';
import type { Block } from '../../shared/docx';
import { inChina } from '../../shared/time';

export function reportBlocks(r: Report, unitName: string, now: Date): Block[] {
  const adopted = r.decisions.filter((d) => d.action === 'adopt');
  return [
    { kind: 'title', text: r.title },
    { kind: 'subtitle', text: `反映人/单位：${r.reporter}` },
    { kind: 'heading', text: '一、基本情况' },
    { kind: 'paragraph', text: r.situation },
    { kind: 'heading', text: '二、存在问题' },
    { kind: 'paragraph', text: r.problems },
    { kind: 'heading', text: '三、意见建议' },
    { kind: 'paragraph', text: r.suggestions },
    ...(adopted.length
      ? [
          { kind: 'heading', text: '采用情况' } as Block,
          {
            kind: 'paragraph',
            text: adopted
              .map(
                (d) =>
                  `${d.unitName}（${d.level ? ORG_LEVEL_LABELS[d.level] : ''}）采用：${d.publication ?? ''}${d.issue ?? ''}`,
              )
              .join('\n'),
          } as Block,
        ]
      : []),
    ...(r.instructions.length
      ? [
          { kind: 'heading', text: '领导批示' } as Block,
          {
            kind: 'paragraph',
            text: r.instructions
              .map((i) => `${i.date}，${i.unitName}${i.position}${i.leaderName ? i.leaderName : ''}批示：${i.text}`)
              .join('\n'),
          } as Block,
        ]
      : []),
    { kind: 'right', text: `${unitName}\n${inChina(r.submittedAt ?? now).format('YYYY年M月D日')}` },
  ];
}
