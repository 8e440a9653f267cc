import type { InboxItem, Proposal } from '@lxq/types';
import { insertInboxItems, setPushOutcomes } from '../../shared/data/inbox';
import { isDuplicateKey } from '../../shared/errors';
import { notifyMany, sendSubscribeMessage, type Notification } from '../../shared/notify';

export const PROPOSAL_PAGE = '/member/proposal/detail';
/** The 社情民意信息 a proposal not filed was turned into (the report function's author page). */
export const REPORT_PAGE = '/member/report/detail';
/** Where an invited co-signer answers (邀请我联名). */
export const COSIGN_PAGE = '/member/proposal/index';

/** The proposer (and confirmed co-signers when `all`) hear what happened, in their inbox. */
export async function tellProposer(
  p: Proposal,
  key: string,
  title: string,
  body: string,
  now: Date,
  all = false,
  /** Where the message leads instead of the proposal (e.g. the report it was turned into). */
  page = `${PROPOSAL_PAGE}?id=${p._id}`,
) {
  const people = [
    p.proposerOpenid,
    ...(all ? p.cosigners.filter((c) => c.status === 'confirmed' && c.openid).map((c) => c.openid!) : []),
  ];
  const ns: Notification[] = people.map((openid) => ({
    id: `${key}:${p._id}:${openid}`.slice(0, 120),
    openid,
    kind: 'proposal',
    title,
    body,
    page,
    refId: p._id,
  }));
  if (ns.length) await notifyMany(ns, now);
}

/** People of handling units hear of a proposal given to them, or overdue. */
export async function tellHandlers(
  openids: string[],
  p: Proposal,
  key: string,
  title: string,
  body: string,
  now: Date,
) {
  const ns: Notification[] = [...new Set(openids)].map((openid) => ({
    id: `${key}:${p._id}:${openid}`.slice(0, 120),
    openid,
    kind: 'proposal',
    title,
    body,
    page: `/staff/proposal/handle?id=${p._id}`,
    refId: p._id,
  }));
  if (ns.length) await notifyMany(ns, now);
}

/**
 * Members newly invited to co-sign hear of it in their inbox and by a subscribe message. The ids
 * are one per proposal and person, so inviting someone again never tells them twice. The inserts go
 * first in one write and guard the pushes; only when one is there already (a retry) does it fall
 * back to notifyMany, which sorts out whose item is whose. 2 round trips in the usual case.
 */
export async function tellCosigners(p: Pick<Proposal, '_id' | 'title' | 'proposerName'>, openids: string[], now: Date) {
  const ns: Notification[] = [...new Set(openids)].map((openid) => ({
    id: `cosign:${p._id}:${openid}`.slice(0, 120),
    openid,
    kind: 'proposal',
    title: '邀请您联名提案',
    body: `${p.proposerName}邀请您联名提案「${p.title}」，请在「邀请我联名」中确认或谢绝。`,
    page: COSIGN_PAGE,
    refId: p._id,
    push: { template: 'taskReminder', values: { thing1: p.title, thing2: '邀请您联名提案，请确认', time3: now } },
  }));
  if (!ns.length) return;
  try {
    await insertInboxItems(
      ns.map((n) => ({
        _id: n.id,
        openid: n.openid,
        kind: n.kind,
        title: n.title,
        body: n.body,
        page: n.page,
        refId: n.refId ?? null,
        createdAt: now,
        readAt: null,
        push: 'skipped' as const,
      })),
    );
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await notifyMany(ns, now);
    return;
  }
  const outcomes = await Promise.all(
    ns.map((n) => sendSubscribeMessage(n.openid, 'taskReminder', n.page, n.push!.values)),
  );
  const by = new Map<InboxItem['push'], string[]>();
  ns.forEach((n, i) => by.set(outcomes[i], [...(by.get(outcomes[i]) ?? []), n.id]));
  for (const [push, ids] of by) if (push !== 'skipped') await setPushOutcomes(ids, push).catch(() => undefined);
}
