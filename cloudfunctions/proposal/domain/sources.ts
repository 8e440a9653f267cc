import type { Proposal } from '@lxq/types';
import { changeConcern } from '../../shared/concerns/change';
import { getConcernsByIds } from '../../shared/data/concerns';
import { markProposalOnRecords } from '../../shared/data/liaisonRecords';
import { linkProposalOnReports } from '../../shared/data/reports';
import { AppError } from '../../shared/errors';

/**
 * Once a proposal is filed, the concerns it grew from say so (关联成果 "已转为提案"), and their
 * submitters see 有新进展: the link goes both ways. A concern that cannot take a link any more
 * (withdrawn, rejected) is left as it is; the proposal keeps its source either way.
 */
export async function linkConcernsOf(p: Proposal, by: { openid: string; name: string }, now: Date) {
  const ids = p.sources.filter((s) => s.kind === 'concern').map((s) => s.id);
  if (!ids.length) return;
  for (const concern of (await getConcernsByIds(ids)).values()) {
    if ((concern.links ?? []).some((l) => l.kind === 'proposal' && l.refId === p._id)) continue;
    const link = { kind: 'proposal' as const, refId: p._id, title: p.title, at: now };
    try {
      await changeConcern({
        concern,
        action: 'link',
        by,
        now,
        note: `已转为提案「${p.title}」`,
        push: { links: [link] },
        ...(concern.submitterOpenid ? { set: { submitterUnread: true } } : {}),
      });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'INVALID_STATE')) throw err;
    }
  }
}

/**
 * Once filed, the liaison records and 社情民意信息 it grew from keep it too (shown on them), under
 * its id so a retry sets it once.
 */
export async function linkRecordsOf(p: Proposal, now: Date) {
  const of = (kind: string) => p.sources.filter((s) => s.kind === kind).map((s) => s.id);
  const link = { title: p.title, at: now };
  await Promise.all([
    markProposalOnRecords(of('liaison'), p._id, link),
    linkProposalOnReports(of('report'), p._id, link),
  ]);
}
