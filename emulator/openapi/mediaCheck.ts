import crypto from 'node:crypto';

/**
 * security.mediaCheckAsync (v2): the call only answers a trace_id; the verdict arrives later as the
 * message-push event `wxa_media_check`, which the platform hands to the cloud function chosen in the
 * console's 消息推送 settings. Here a function opts in by listing the event under `messagePush` in
 * its config.json, and the event is delivered `delayMs` after the call, as a separate invocation.
 */
export interface MediaCheckJob {
  traceId: string;
  mediaUrl: string;
  openid: string;
}

export interface MediaVerdict {
  suggest: 'pass' | 'risky' | 'review';
  label: number;
}

/** Validates the call's parameters as the platform does: the error message, or null when they are fine. */
export function mediaCheckParamsError(p: Record<string, unknown>): { errcode: number; errmsg: string } | null {
  if (typeof p.media_url !== 'string' || !/^https?:\/\//.test(p.media_url)) {
    return { errcode: 40003, errmsg: 'invalid media_url' };
  }
  if (![1, 2].includes(Number(p.media_type))) return { errcode: 40003, errmsg: 'invalid media_type' };
  if (Number(p.version) !== 2) return { errcode: 40003, errmsg: 'invalid version' };
  if (![1, 2, 3, 4].includes(Number(p.scene))) return { errcode: 40003, errmsg: 'invalid args: scene' };
  if (typeof p.openid !== 'string' || !p.openid) return { errcode: 40003, errmsg: 'invalid openid' };
  return null;
}

export function newTraceId(): string {
  return `${Date.now().toString(16)}-${crypto.randomBytes(4).toString('hex')}-${crypto.randomBytes(4).toString('hex')}`;
}

/** The event the platform pushes once a check is done (the v2 JSON shape). */
export function mediaCheckEvent(job: MediaCheckJob, verdict: MediaVerdict, appId: string): Record<string, unknown> {
  return {
    ToUserName: 'gh_emulator',
    FromUserName: job.openid,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: appId,
    trace_id: job.traceId,
    version: 2,
    result: { suggest: verdict.suggest, label: verdict.label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: 90 }],
  };
}

/**
 * Runs the checks in the background and delivers their events; `settle()` waits until every check
 * started so far has been delivered (tests, and a clean stop).
 */
export class MediaCheckQueue {
  private pending = new Set<Promise<void>>();

  constructor(
    private opts: {
      delayMs: number;
      verdict: (mediaUrl: string) => MediaVerdict;
      deliver: (event: Record<string, unknown>) => Promise<void>;
      appId: string;
    },
  ) {}

  enqueue(job: MediaCheckJob): void {
    const run = new Promise<void>((resolve) => setTimeout(resolve, this.opts.delayMs))
      .then(() => this.opts.deliver(mediaCheckEvent(job, this.opts.verdict(job.mediaUrl), this.opts.appId)))
      .catch((err: unknown) => console.error('[emulator] wxa_media_check 推送失败:', err));
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
