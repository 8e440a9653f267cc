/**
 * The verdict of an asynchronous image check (security.mediaCheckAsync), pushed by the platform as
 * the wxa_media_check event to the function chosen in the console's 消息推送 settings (concern's
 * config.json declares it). A photo the check does not pass is hidden from everyone but staff, the
 * concern is put before staff for review with a note on its timeline, and the change is audited.
 * A repeated push changes nothing more.
 */
import type { ConcernEvent } from '@lxq/types';
import { insertAudit } from './data/audit';
import { concernOfMediaCheck, hideConcernPhoto } from './data/concerns';
import { hideRecordPhoto, recordOfMediaCheck } from './data/liaisonRecords';
import { isDuplicateKey } from './errors';

export interface MediaCheckEvent {
  Event: 'wxa_media_check';
  trace_id: string;
  FromUserName?: string;
  result?: { suggest?: string; label?: number | string };
}

export function isMediaCheckEvent(event: unknown): event is MediaCheckEvent {
  const e = event as MediaCheckEvent | null;
  return e?.Event === 'wxa_media_check' && typeof e.trace_id === 'string';
}

export async function applyMediaVerdict(event: MediaCheckEvent, now: Date) {
  const suggest = event.result?.suggest ?? 'pass';
  if (suggest === 'pass' || !event.trace_id) return { hidden: false };
  const label = Number(event.result?.label ?? 21000);
  const concern = await concernOfMediaCheck(event.trace_id);
  const record = concern ? null : await recordOfMediaCheck(event.trace_id);
  const doc = concern ?? record;
  const fileID = doc?.mediaChecks?.find((m) => m.traceId === event.trace_id)?.fileID;
  if (!doc || !fileID || doc.hiddenPhotos?.includes(fileID)) return { hidden: false };
  if (concern) {
    const note: ConcernEvent = {
      at: now,
      by: '',
      byName: '系统',
      action: 'note',
      note: '有一张照片未通过微信内容安全检查，已对群众隐藏，请工作人员复核',
    };
    await hideConcernPhoto(concern._id, fileID, note);
  } else {
    await hideRecordPhoto(doc._id, fileID);
  }
  const target = concern ? `concerns/${doc._id}` : `liaison_records/${doc._id}`;
  await insertAudit({
    _id: `media-check:${event.trace_id}`,
    actor: '',
    actorUserId: null,
    action: 'media.flagged',
    target,
    before: { hiddenPhotos: doc.hiddenPhotos ?? [] },
    after: { hiddenPhotos: [...(doc.hiddenPhotos ?? []), fileID], suggest, label },
    at: now,
    result: null,
  }).catch((err: unknown) => {
    if (!isDuplicateKey(err)) throw err;
  });
  return { hidden: true, target };
}
