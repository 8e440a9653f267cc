/**
 * A concern as its viewer may see it (ENGINEERING.md §5): the submitter sees their own concern
 * and its answer but not internal notes; handlers see the submitter masked ("匿名群众" when
 * anonymous); the assigned member alone sees the phone in full, when one was given.
 */
import type { Concern, ConcernListItem, ConcernView, Sector } from '@lxq/types';
import { allowed } from '../../shared/concerns/stateMachine';
import { isOverdue } from '../../shared/concerns/deadlines';
import { maskPhone } from '../../shared/mask';
import { iso } from '../../shared/time';
import { ASSIGNEE_KIND_LABELS, REOPEN_WINDOW_DAYS, REPORT_CITIZEN_STAGE, REPORT_STATUS_LABELS } from '@lxq/types';

export type Audience = ConcernView['audience'];

export function toListItem(c: Concern, audience: 'submitter' | 'handler', now = new Date()): ConcernListItem {
  const item: ConcernListItem = {
    _id: c._id,
    title: c.title,
    category: c.category,
    status: c.status,
    workstationName: c.workstationName,
    createdAt: iso(c.createdAt),
    dueAt: iso(c.dueAt),
    overdue: isOverdue(c.dueAt, now),
    provisional: c.status === 'submitted' && !!c.provisional,
  };
  if (audience === 'submitter') item.unread = !!c.submitterUnread;
  if (audience === 'handler') {
    item.submitter = c.anonymous ? '匿名群众' : '群众';
    item.phone = c.anonymous ? null : maskPhone(c.phone);
    item.assigneeName = c.assignee?.name ?? null;
    if (c.needsReview) item.needsReview = true;
  }
  return item;
}

export function toView(
  c: Concern,
  audience: Audience,
  extra: {
    now: Date;
    urls: Map<string, string>;
    sector: Sector | null;
    original: Concern | null;
  },
): ConcernView {
  const { now, urls } = extra;
  const isStaff = audience === 'staff';
  // A photo the image check flagged is for staff's review alone: no one else gets a link to it.
  const photos = (fileIDs: string[], of: Concern) => {
    const hidden = new Set(of.hiddenPhotos ?? []);
    return fileIDs
      .filter((f) => isStaff || !hidden.has(f))
      .map((fileID) => ({ fileID, url: urls.get(fileID) ?? '', ...(hidden.has(fileID) ? { hidden: true } : {}) }));
  };
  const reply = (of: Concern) =>
    of.reply
      ? { text: of.reply.text, photos: photos(of.reply.photos, of), at: iso(of.reply.at), byName: of.reply.byName }
      : null;
  const isHandler = audience !== 'submitter';
  const repliedWithinWindow =
    !!c.reply && now.getTime() - new Date(c.reply.at).getTime() <= REOPEN_WINDOW_DAYS * 86_400_000;

  const view: ConcernView = {
    _id: c._id,
    audience,
    title: c.title,
    text: c.text,
    category: c.category,
    status: c.status,
    photos: photos(c.photos ?? [], c),
    location: c.location ? { ...c.location, address: c.address ?? '' } : null,
    workstationId: c.workstationId,
    workstationName: c.workstationName,
    sectorName: extra.sector?.name ?? null,
    source: c.source,
    createdAt: iso(c.createdAt),
    dueAt: iso(c.dueAt),
    overdue: isOverdue(c.dueAt, now),
    provisional: c.status === 'submitted' && !!c.provisional,
    timeline: isHandler
      ? c.timeline.map((e) => ({ at: iso(e.at), byName: e.byName, action: e.action, note: e.note ?? '' }))
      : submitterTimeline(c),
    reply: reply(c),
    rating: c.rating ? { score: c.rating.score, comment: c.rating.comment, at: iso(c.rating.at) } : null,
    links: [
      ...(c.links ?? []).map((l) => {
        const base = { kind: l.kind, refId: l.refId, title: l.title };
        if (l.kind !== 'topic') return base;
        const outcome = c.topicOutcomes?.[l.refId];
        return {
          ...base,
          results: (outcome?.results ?? []).map((r) => ({ no: r.no, suggestion: r.suggestion, result: r.result })),
          closed: !!outcome?.closed,
        };
      }),
      ...reportLinks(c, audience),
    ],
    assignee: c.assignee ? { ...c.assignee, id: isHandler ? c.assignee.id : '' } : null,
    can: {
      rate: audience === 'submitter' && allowed(c.status, 'rate') && !c.rating,
      reopen:
        audience === 'submitter' && allowed(c.status, 'reopen') && (c.reopenCount ?? 0) < 1 && repliedWithinWindow,
      accept: isStaff && allowed(c.status, 'accept'),
      reject: isStaff && allowed(c.status, 'reject'),
      duplicate: isStaff && allowed(c.status, 'duplicate'),
      assign: isStaff && allowed(c.status, 'assign'),
      start: isHandler && allowed(c.status, 'start'),
      reply: isHandler && allowed(c.status, 'reply'),
      close: isStaff && allowed(c.status, 'close'),
      note: isStaff,
      link: isStaff && allowed(c.status, 'link'),
      withdraw: audience === 'submitter' && allowed(c.status, 'withdraw'),
      removePhone: audience === 'submitter' && !!c.phone,
    },
    duplicateOf: extra.original
      ? {
          _id: extra.original._id,
          // A report under review stays with its own submitter and handlers.
          title:
            extra.original.needsReview && audience === 'submitter' ? '（该诉求内容需人工复核）' : extra.original.title,
          status: extra.original.status,
          reply: reply(extra.original),
        }
      : null,
  };
  if (isHandler) {
    view.submitter = c.anonymous ? '匿名群众' : '群众';
    view.phone = c.anonymous ? null : audience === 'handler' ? (c.phone ?? null) : maskPhone(c.phone);
    view.recorder = c.recorder?.name ?? null;
    if (c.needsReview) view.needsReview = true;
  }
  if (isStaff) view.notes = (c.notes ?? []).map((n) => ({ at: iso(n.at), byName: n.byName, text: n.text }));
  return view;
}

/**
 * 社情民意信息 drafted from the concern (issue 15): handlers see the report's title and status;
 * its submitter only the phrase 已形成社情民意信息 and a status, once it left the author's draft.
 */
function reportLinks(c: Concern, audience: Audience): ConcernView['links'] {
  return Object.entries(c.reportLinks ?? {}).flatMap(([refId, l]) => {
    const stage = REPORT_CITIZEN_STAGE[l.stage];
    const status = `${audience === 'submitter' ? (stage ?? '') : REPORT_STATUS_LABELS[l.stage]}${l.instructed ? '，获领导批示' : ''}`;
    if (audience === 'submitter')
      return stage ? [{ kind: 'report' as const, refId: '', title: '已形成社情民意信息', status }] : [];
    return [{ kind: 'report' as const, refId, title: l.title, status }];
  });
}

/**
 * What of each event its submitter sees, decided per action (issue 13): who acted as far as they
 * may know it (themselves, the assigned member by name, otherwise the office), and of the note
 * only what is addressed to them. Staff's 交办说明 and internal notes never reach them; an action
 * not listed here shows no note, so a new one stays internal until someone decides otherwise.
 */
const SUBMITTER_NOTE: Partial<Record<string, (note: string) => string>> = {
  submit: (n) => n,
  // "交办给委员郑德明：请联系交警部门核实…" — the assignee, never the instructions after the colon.
  assign: (n) => n.split('：')[0],
  reject: (n) => n,
  reopen: (n) => n,
  rate: (n) => n,
  // "已转为社情民意信息「…」": what became of it is the citizen's to know.
  link: (n) => n,
};
const SUBMITTER_HIDDEN = new Set(['note']);
const OWN_ACTIONS = new Set(['submit', 'rate', 'reopen']);

function submitterTimeline(c: Concern): ConcernView['timeline'] {
  const assigneeName =
    c.assignee?.kind === 'member' ? `${ASSIGNEE_KIND_LABELS.member}${c.assignee.name}` : (c.assignee?.name ?? '');
  return c.timeline
    .filter((e) => !SUBMITTER_HIDDEN.has(e.action))
    .map((e) => ({
      at: iso(e.at),
      byName: OWN_ACTIONS.has(e.action)
        ? '我'
        : e.by && e.by === c.assigneeOpenid && assigneeName
          ? assigneeName
          : e.by
            ? '工作人员'
            : '系统',
      action: e.action,
      note: SUBMITTER_NOTE[e.action]?.(e.note ?? '') ?? '',
    }));
}
