/**
 * Who hears of a decision: the author through the inbox (and a subscribe message), the linked
 * concerns' submitters through their concern — the phrase 已形成社情民意信息 and its status, the
 * 有新进展 flag and the concern's subscribe message — never the report's text or comments.
 */
import { REPORT_CITIZEN_STAGE, type Report } from '@lxq/types';
import { pushToSubmitter } from '../../shared/concerns/tell';
import { getConcernsByIds } from '../../shared/data/concerns';
import { markOnConcerns } from '../../shared/data/reports';
import { notify } from '../../shared/notify';

export const authorPage = (id: string) => `member/report/detail?id=${id}`;

export async function tellAuthor(r: Report, id: string, what: string, now: Date) {
  await notify(
    {
      id,
      openid: r.authorOpenid,
      kind: 'report',
      title: `社情民意信息${what}`,
      body: `「${r.title}」${what}`,
      page: authorPage(r._id),
      refId: r._id,
      push: { template: 'taskReminder', values: { thing1: r.title, thing2: `社情民意信息${what}`, time3: now } },
    },
    now,
    { guarded: true },
  );
}

/** The stage on each linked concern; `news` also tells their submitters (adoption, 批示). */
export async function tellConcerns(r: Report, by: { openid: string; name: string }, now: Date, news?: string) {
  if (!r.concernIds.length) return;
  const stage = REPORT_CITIZEN_STAGE[r.status] ?? '';
  const note = `已形成社情民意信息，${news ?? stage}`;
  const marked = await markOnConcerns(
    r.concernIds,
    r._id,
    { stage: r.status, title: r.title, instructed: r.instructions.length > 0, at: now },
    news ? { at: now, by: by.openid, byName: by.name, note } : null,
  );
  // None marked: a retry of this very call, which told them before it died (a push goes at most once).
  if (!news || !marked) return;
  const concerns = await getConcernsByIds(r.concernIds);
  await Promise.all([...concerns.values()].map((c) => pushToSubmitter(c, note, now)));
}
