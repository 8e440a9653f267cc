/**
 * The one place functions touch wx-server-sdk. On WeChat Cloud and on the local emulator alike the
 * SDK is initialised for the current environment; bundles keep it external (it is installed from
 * each function's package.json on deploy).
 */
import cloud from 'wx-server-sdk';
import type { MediaCheck } from '@lxq/types';

// DYNAMIC_CURRENT_ENV is a symbol the SDK resolves at call time; its typings only allow strings.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no useful types */
export const db: any = cloud.database();
export const _: any = db.command;
export const $: any = db.command.aggregate;
/* eslint-enable @typescript-eslint/no-explicit-any */

export function callerOpenid(): string {
  const ctx = cloud.getWXContext() as { OPENID?: string };
  return ctx.OPENID ?? '';
}

/** Whether a person's client called this function directly (not a timer, not another function). */
export function startedByClient(): boolean {
  const source = (cloud.getWXContext() as { SOURCE?: string }).SOURCE ?? '';
  return source === 'wx_client' || source === 'wx_http' || webIdentity() !== null;
}

/**
 * A web page's caller (the CloudBase web SDK), as the platform puts it in the function's
 * environment: the keys named in TCB_CONTEXT_KEYS, read the way @cloudbase/node-sdk's
 * getUserInfo() reads them. `customUserId` is set after a custom-login ticket; an anonymous
 * sign-in has only `uid`. null for a mini-program caller, a timer or another function.
 */
export function webIdentity(): { uid: string; customUserId: string } | null {
  const keys = (process.env.TCB_CONTEXT_KEYS ?? '').split(',');
  const read = (k: string) => (keys.includes(k) ? (process.env[k] ?? '') : '');
  const uid = read('TCB_UUID');
  const customUserId = read('TCB_CUSTOM_USER_ID');
  return uid || customUserId ? { uid, customUserId } : null;
}

export interface SecCheckAnswer {
  result?: { suggest?: string; label?: number };
}

/**
 * WeChat's content-security check (v2): its overall suggestion ('pass', 'review' or 'risky') and
 * the label it matched (100 正常, 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪,
 * 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他). What to do with it is shared/concerns/content.ts.
 */
export async function textVerdict(content: string, openid: string): Promise<{ suggest: string; label: number }> {
  const answer = (await (cloud as unknown as OpenApi).openapi.security.msgSecCheck({
    content,
    version: 2,
    scene: 2,
    openid,
  })) as SecCheckAnswer;
  return { suggest: answer.result?.suggest ?? 'pass', label: answer.result?.label ?? 100 };
}

/**
 * WeChat's asynchronous image check (security.mediaCheckAsync, v2) for files already in cloud
 * storage: each is handed over by a download link and answers a trace id at once; the verdict comes
 * later as the wxa_media_check message-push event (shared/mediaVerdict.ts), so a submission never
 * waits for it and images of any size are checked.
 */
export async function startImageChecks(fileIDs: string[], openid: string): Promise<MediaCheck[]> {
  if (!fileIDs.length) return [];
  const urls = await tempFileUrls(fileIDs);
  return Promise.all(
    fileIDs.map(async (fileID) => {
      const answer = (await (cloud as unknown as OpenApi).openapi.security.mediaCheckAsync({
        mediaUrl: urls.get(fileID) ?? '',
        mediaType: 2,
        version: 2,
        scene: 2,
        openid,
      })) as { traceId?: string; trace_id?: string };
      return { traceId: answer.traceId ?? answer.trace_id ?? '', fileID };
    }),
  );
}

/** Short-lived download URLs for stored files, by fileID ('' for one that cannot be read). */
export async function tempFileUrls(fileIDs: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIDs)].filter(Boolean);
  if (!unique.length) return new Map();
  const { fileList } = (await cloud.getTempFileURL({ fileList: unique })) as {
    fileList: { fileID: string; tempFileURL?: string }[];
  };
  return new Map(fileList.map((f) => [f.fileID, f.tempFileURL ?? '']));
}

/** Stores a generated file (an export) and answers a link that works for an hour. */
export async function putFile(cloudPath: string, content: Uint8Array): Promise<string> {
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(content) })) as { fileID: string };
  return (await tempFileUrls([fileID])).get(fileID) ?? '';
}

/** A QR code (PNG) that opens `page` with `scene` in the mini-program (≤ 32 characters). */
export async function miniProgramCode(page: string, scene: string): Promise<Buffer> {
  const answer = (await (cloud as unknown as OpenApi).openapi.wxacode.getUnlimited({
    scene,
    page,
    width: 430,
    checkPath: false,
  })) as { buffer: Buffer };
  return answer.buffer;
}

interface OpenApi {
  openapi: {
    security: { msgSecCheck(p: object): Promise<unknown>; mediaCheckAsync(p: object): Promise<unknown> };
    wxacode: { getUnlimited(p: object): Promise<unknown> };
  };
}

export { cloud };
