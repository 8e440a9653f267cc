import type { Proposal } from '@lxq/types';
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
 * Members newly invited to co-sign are told by a subscribe message that opens 邀请我联名, where the
 * invitation waits for them (they find it there whether or not the message reached them). No
 * database round trip: setCosigners stays within a member action's four. Sent by the call that
 * stored the invitation only, so a retry or a second invitation never tells anyone twice.
 */
export async function tellCosigners(p: Pick<Proposal, '_id' | 'title'>, openids: string[], now: Date) {
  await Promise.all(
    [...new Set(openids)].map((openid) =>
      sendSubscribeMessage(openid, 'taskReminder', COSIGN_PAGE, {
        thing1: p.title,
        thing2: '邀请您联名提案，请确认',
        time3: now,
      }),
    ),
  );
}
