import { ANSWER_CATEGORY_LABELS, PROPOSAL_KIND_LABELS, type Proposal } from '@lxq/types';
import { defineAction } from '../../shared/action';
import { putFile } from '../../shared/cloud';
import { docx, type Block } from '../../shared/docx';
import { inChina } from '../../shared/time';
import { staffProposal } from '../domain/load';

/** The proposal and its replies as a Word document in the official layout, linked for an hour. */
export default defineAction({
  name: 'proposal.exportDoc',
  roles: ['staff', 'admin'],
  mutates: false,
  target: staffProposal,
  async handler(_input, ctx, { doc }) {
    const stamp = inChina(ctx.now).format('YYYYMMDD-HHmmss');
    const url = await putFile(`exports/proposals/${doc._id}/${stamp}.docx`, docx(blocksOf(doc)));
    return { fileName: `提案-${doc.title.slice(0, 20)}.docx`, url };
  },
});

export function blocksOf(p: Proposal): Block[] {
  const who = p.sectorName ?? p.committeeName ?? p.groupName ?? p.proposerName;
  const cosigners = p.cosigners.filter((c) => c.status === 'confirmed').map((c) => c.name);
  const blocks: Block[] = [
    { kind: 'title', text: p.title },
    { kind: 'subtitle', text: `${p.sessionName} · ${PROPOSAL_KIND_LABELS[p.kind]}` },
    { kind: 'subtitle', text: `提案人：${who}${p.kind === 'sector' ? `（召集人 ${p.proposerName}）` : ''}` },
    ...(cosigners.length ? [{ kind: 'subtitle' as const, text: `联名人：${cosigners.join('、')}` }] : []),
    { kind: 'heading', text: '一、提案内容' },
    { kind: 'paragraph', text: p.body },
  ];
  const replies = p.assignments.flatMap((a) => a.replies.map((r) => ({ a, r })));
  if (replies.length) {
    blocks.push({ kind: 'heading', text: '二、办理答复' });
    for (const { a, r } of replies) {
      blocks.push({
        kind: 'paragraph',
        text: `${a.name}（${a.role === 'lead' ? '主办' : '协办'}，${ANSWER_CATEGORY_LABELS[r.category]}）：${r.text}`,
      });
    }
  }
  blocks.push({ kind: 'right', text: inChina(p.submittedAt ?? p.createdAt).format('YYYY年M月D日') });
  return blocks;
}
