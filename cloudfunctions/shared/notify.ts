/**
 * The one way anything tells a person something: an inbox item always, and a WeChat subscribe
 * message when they have a subscription left for the template. A failed push never fails the
 * caller's change: it is recorded on the inbox item ('no_subscription' for 43101, else 'error').
 * Idempotent by `id`: delivering the same notification again sends nothing twice.
 */
import { TEMPLATES, type InboxItem, type InboxKind, type TemplateKey } from '@lxq/types';
import { cloud } from './cloud';
import { findInboxItems, insertInboxItem, insertInboxItems, setPushOutcome, setPushOutcomes } from './data/inbox';
import { isDuplicateKey } from './errors';
import { inChina } from './time';

export interface Notification {
  /** Deterministic per (event, recipient), e.g. `${requestKey}:${openid}`. */
  id: string;
  openid: string;
  kind: InboxKind;
  title: string;
  body: string;
  /** Page with query the inbox item and the push open. */
  page: string;
  refId?: string | null;
  /** Send a subscribe message too, with these raw values per template field. */
  push?: { template: TemplateKey; values: Record<string, string | Date> };
}

export interface NotifyOptions {
  /**
   * The caller has already made a write that a retry of the same request cannot make again (a
   * conditional status change, an insert whose _id came from ctx.newId()): a retry stops there, so
   * the push may go first and the inbox item is written once, with its outcome — 1 database round
   * trip instead of 2. Without it, the inbox insert comes first and is the guard against pushing
   * twice (a notice batch that is run again).
   */
  guarded?: boolean;
}

function toItem(n: Notification, now: Date): InboxItem {
  return {
    _id: n.id,
    openid: n.openid,
    kind: n.kind,
    title: n.title,
    body: n.body,
    page: n.page,
    refId: n.refId ?? null,
    createdAt: now,
    readAt: null,
    push: 'skipped',
  };
}

export async function notify(n: Notification, now: Date, opts: NotifyOptions = {}): Promise<InboxItem['push']> {
  const item = toItem(n, now);
  if (opts.guarded) {
    if (n.push && n.openid) item.push = await sendSubscribeMessage(n.openid, n.push.template, n.page, n.push.values);
    try {
      await insertInboxItem(item);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return item.push;
  }
  try {
    await insertInboxItem(item);
  } catch (err) {
    if (isDuplicateKey(err)) return 'skipped'; // delivered before: never push twice
    throw err;
  }
  if (!n.push || !n.openid) return 'skipped';
  const outcome = await sendSubscribeMessage(n.openid, n.push.template, n.page, n.push.values);
  await setPushOutcome(item._id, outcome).catch(() => undefined);
  return outcome;
}

export interface ManyNotified {
  /** The outcome for each notification this call reached (its inbox item is this call's). */
  reached: Map<string, InboxItem['push']>;
  /** Items that were there already: someone reached them before (their push is what is known of it). */
  before: InboxItem[];
}

/**
 * Many people at once (a notice's delivery batch), in a handful of database round trips whatever
 * their number: which items exist (one read), the rest inserted together (one write: the guard
 * against pushing twice, as in notify), the pushes (`parallel` at a time), then one write per kind
 * of outcome. A concurrent insert of the same ids makes the batch insert fail: then each is
 * inserted alone, so an item counts as ours only when its own insert succeeded.
 */
export async function notifyMany(ns: Notification[], now: Date, parallel = 10): Promise<ManyNotified> {
  const before = await findInboxItems(ns.map((n) => n.id));
  const known = new Set(before.map((b) => b._id));
  let fresh = ns.filter((n) => !known.has(n.id));
  try {
    await insertInboxItems(fresh.map((n) => toItem(n, now)));
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const ours: Notification[] = [];
    const theirs: string[] = [];
    for (const n of fresh) {
      try {
        await insertInboxItem(toItem(n, now));
        ours.push(n);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        theirs.push(n.id);
      }
    }
    before.push(...(await findInboxItems(theirs)));
    fresh = ours;
  }
  const reached = new Map<string, InboxItem['push']>();
  for (let i = 0; i < fresh.length; i += parallel) {
    const chunk = fresh.slice(i, i + parallel);
    const outcomes = await Promise.all(
      chunk.map((n) =>
        n.push && n.openid
          ? sendSubscribeMessage(n.openid, n.push.template, n.page, n.push.values)
          : Promise.resolve<InboxItem['push']>('skipped'),
      ),
    );
    chunk.forEach((n, k) => reached.set(n.id, outcomes[k]));
  }
  const byOutcome = new Map<InboxItem['push'], string[]>();
  for (const [id, push] of reached) if (push !== 'skipped') byOutcome.set(push, [...(byOutcome.get(push) ?? []), id]);
  for (const [push, ids] of byOutcome) await setPushOutcomes(ids, push).catch(() => undefined);
  return { reached, before };
}

/** A subscribe message alone, for callers that record the outcome themselves (or not at all). */
export async function sendSubscribeMessage(
  openid: string,
  template: TemplateKey,
  page: string,
  values: Record<string, string | Date>,
): Promise<InboxItem['push']> {
  const def = TEMPLATES[template];
  try {
    await (cloud as unknown as SubscribeApi).openapi.subscribeMessage.send({
      touser: openid,
      templateId: def.id,
      page,
      data: templateData(template, values),
      miniprogramState: 'formal',
    });
    return 'sent';
  } catch (err) {
    return (err as { errCode?: number }).errCode === 43101 ? 'no_subscription' : 'error';
  }
}

interface SubscribeApi {
  openapi: { subscribeMessage: { send(p: object): Promise<unknown> } };
}

/** Values cut to each field's limit so WeChat never answers 47003. */
export function templateData(template: TemplateKey, values: Record<string, string | Date>) {
  const data: Record<string, { value: string }> = {};
  for (const [key, kind] of Object.entries(TEMPLATES[template].fields)) {
    const raw = values[key] ?? '';
    data[key] = { value: fitField(kind, raw) };
  }
  return data;
}

export function fitField(kind: string, raw: string | Date): string {
  if (kind === 'time') return inChina(raw instanceof Date ? raw : new Date(raw)).format('YYYY-MM-DD HH:mm');
  if (kind === 'date') return inChina(raw instanceof Date ? raw : new Date(raw)).format('YYYY-MM-DD');
  const text = String(raw).replace(/\s+/g, ' ').trim();
  switch (kind) {
    case 'thing':
      return cut(text || '—', 20);
    case 'phrase':
      return cut(text.replace(/[^\u4e00-\u9fa5]/g, '') || '通知', 5, false);
    case 'name':
      return cut(text || '—', 10, false);
    case 'character_string':
      return cut(text.replace(/[^\x21-\x7e]/g, '') || '-', 32, false);
    case 'number':
      return cut(text.replace(/[^0-9.]/g, '') || '0', 32, false);
    default:
      return cut(text, 20);
  }
}

/** At most `max` characters (counting by code point), ending in '…' when cut. */
function cut(text: string, max: number, ellipsis = true): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return ellipsis ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('');
}
