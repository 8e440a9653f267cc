import path from 'node:path';
import crypto from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import QRCode from 'qrcode';
import type { OutboxEntry } from '../types';
import { validateTemplateData } from './templates';
import { type MediaCheckQueue, mediaCheckParamsError, newTraceId } from './mediaCheck';

export { decodeRequestData, encodeResponse } from './proto';

/**
 * msgSecCheck's word lists, one per label it answers (100 正常 when nothing matches; the first
 * match decides the label). Texts that report wrongdoing ("小区有人聚众赌博") hit 违法犯罪 as the
 * real check may label them; the product stores those for review and refuses the others.
 */
export const RISKY_WORDS_BY_LABEL: Record<number, string[]> = {
  10001: ['加微信领红包', '加我微信', '代理招募', '低价代购'],
  20001: ['颠覆国家政权'],
  20002: ['色情', '裸聊', '约炮'],
  20003: ['傻逼', '王八蛋', '狗东西', '去死吧'],
  20006: ['赌博', '博彩', '六合彩', '毒品', '冰毒', '海洛因', '大麻', '枪支', '弹药', '代开发票', '办证', '洗钱'],
  20008: ['诈骗', '刷单', '套现'],
  20012: ['下流段子'],
  20013: ['盗版资源'],
};

/** The same lists as word → label. */
export const DEFAULT_RISKY_WORDS: Record<string, number> = Object.fromEntries(
  Object.entries(RISKY_WORDS_BY_LABEL).flatMap(([label, words]) => words.map((w) => [w, Number(label)])),
);

export interface OpenApiAnswer {
  contentType: string;
  body: Buffer;
}

/** imgSecCheck: an image is risky when its bytes contain one of these markers (text in the file). */
export const DEFAULT_IMAGE_MARKERS = ['RISKY-IMAGE'];

export interface OpenApiOptions {
  dataDir: string;
  /** Words (labelled as in the default lists, else 21000 其他), or lists per label. */
  wordList?: string[] | Record<number, string[]>;
  imageMarkers?: string[];
  publicUrl: () => string;
}

function json(obj: unknown): OpenApiAnswer {
  return { contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(obj)) };
}

function rid(): string {
  return crypto
    .randomBytes(12)
    .toString('hex')
    .replace(/^(.{8})(.{4})(.{4})/, '$1-$2-$3');
}

function wxError(errcode: number, errmsg: string): OpenApiAnswer {
  return json({ errcode, errmsg: `${errmsg} rid: ${rid()}` });
}

const SCENE_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/**
 * The WeChat open APIs the product uses, answered locally: subscribeMessage.send (with per-user
 * one-shot grants and an outbox), security.msgSecCheck (word list), security.mediaCheckAsync
 * (image markers, verdict pushed later: mediaCheck.ts), wxacode.getUnlimited (real
 * PNG QR code). Grants and the outbox live in <dataDir>/openapi.sqlite.
 */
export class OpenApi {
  private db: BetterSqlite3.Database;
  private words: Array<[string, number]>;
  private imageMarkers: string[];
  private publicUrl: () => string;
  /** Where security.mediaCheckAsync's checks go (index.ts attaches it once functions can run). */
  mediaChecks: MediaCheckQueue | null = null;

  constructor(opts: OpenApiOptions) {
    this.db = new BetterSqlite3(path.join(opts.dataDir, 'openapi.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS grants (
        openid TEXT NOT NULL, template_id TEXT NOT NULL, remaining INTEGER NOT NULL,
        PRIMARY KEY (openid, template_id));
      CREATE TABLE IF NOT EXISTS outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT, touser TEXT NOT NULL, template_id TEXT NOT NULL,
        page TEXT, data TEXT NOT NULL, miniprogram_state TEXT, lang TEXT, at TEXT NOT NULL);
    `);
    const list = opts.wordList ?? RISKY_WORDS_BY_LABEL;
    this.words = (
      Array.isArray(list)
        ? list.map((w) => [w, DEFAULT_RISKY_WORDS[w] ?? 21000] as [string, number])
        : Object.entries(list).flatMap(([label, words]) => words.map((w) => [w, Number(label)] as [string, number]))
    ).filter(([w]) => w);
    this.imageMarkers = (opts.imageMarkers ?? DEFAULT_IMAGE_MARKERS).filter((m) => m);
    this.publicUrl = opts.publicUrl;
  }

  close(): void {
    this.db.close();
  }

  /** wx.requestSubscribeMessage stand-in: each accept grants one send. */
  subscribe(openid: string, templateId: string, accept: boolean): number {
    if (accept) {
      this.db
        .prepare(
          `INSERT INTO grants (openid, template_id, remaining) VALUES (?, ?, 1)
           ON CONFLICT (openid, template_id) DO UPDATE SET remaining = remaining + 1`,
        )
        .run(openid, templateId);
    }
    return this.remaining(openid, templateId);
  }

  remaining(openid: string, templateId: string): number {
    const row = this.db
      .prepare('SELECT remaining FROM grants WHERE openid = ? AND template_id = ?')
      .get(openid, templateId) as { remaining: number } | undefined;
    return row?.remaining ?? 0;
  }

  subscriptions(openid: string): Array<{ templateId: string; remaining: number }> {
    const rows = this.db
      .prepare('SELECT template_id, remaining FROM grants WHERE openid = ? AND remaining > 0 ORDER BY template_id')
      .all(openid) as Array<{ template_id: string; remaining: number }>;
    return rows.map((r) => ({ templateId: r.template_id, remaining: r.remaining }));
  }

  outbox(): OutboxEntry[] {
    const rows = this.db.prepare('SELECT * FROM outbox ORDER BY id').all() as Array<{
      touser: string;
      template_id: string;
      page: string | null;
      data: string;
      miniprogram_state: string | null;
      lang: string | null;
      at: string;
    }>;
    return rows.map((r) => ({
      touser: r.touser,
      templateId: r.template_id,
      page: r.page,
      data: JSON.parse(r.data),
      miniprogramState: r.miniprogram_state,
      lang: r.lang,
      at: r.at,
    }));
  }

  async call(apiName: string, params: Record<string, unknown>): Promise<OpenApiAnswer> {
    switch (apiName) {
      case 'subscribeMessage.send':
        return this.subscribeMessageSend(params);
      case 'security.msgSecCheck':
        return this.msgSecCheck(params);
      case 'security.imgSecCheck':
        return this.imgSecCheck(params);
      case 'security.mediaCheckAsync':
        return this.mediaCheckAsync(params);
      case 'wxacode.getUnlimited':
        return this.getUnlimited(params);
      default:
        return wxError(-1, `emulator: openapi ${apiName} is not implemented`);
    }
  }

  private subscribeMessageSend(p: Record<string, unknown>): OpenApiAnswer {
    const touser = p.touser;
    const templateId = p.template_id;
    if (typeof touser !== 'string' || !touser) return wxError(40003, 'invalid openid');
    if (typeof templateId !== 'string' || !templateId) return wxError(40037, 'invalid template_id');
    if (p.page !== undefined && typeof p.page !== 'string') return wxError(47003, 'argument invalid! page');
    const state = p.miniprogram_state;
    if (state !== undefined && !['developer', 'trial', 'formal'].includes(String(state))) {
      return wxError(47003, 'argument invalid! miniprogram_state');
    }
    const bad = validateTemplateData(p.data);
    if (bad) return wxError(47003, `argument invalid! ${bad.key} ${bad.reason}`);
    const sent = this.db.transaction(() => {
      const r = this.db
        .prepare('UPDATE grants SET remaining = remaining - 1 WHERE openid = ? AND template_id = ? AND remaining > 0')
        .run(touser, templateId);
      if (r.changes === 0) return false;
      this.db
        .prepare(
          'INSERT INTO outbox (touser, template_id, page, data, miniprogram_state, lang, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          touser,
          templateId,
          typeof p.page === 'string' ? p.page : null,
          JSON.stringify(p.data),
          state === undefined ? null : String(state),
          p.lang === undefined ? null : String(p.lang),
          new Date().toISOString(),
        );
      return true;
    })();
    if (!sent) return wxError(43101, 'user refuse to accept the msg');
    return json({ errcode: 0, errmsg: 'ok', msgid: Number(BigInt('0x' + crypto.randomBytes(6).toString('hex'))) });
  }

  private msgSecCheck(p: Record<string, unknown>): OpenApiAnswer {
    const content = p.content;
    if (typeof content !== 'string') return wxError(47001, 'data format error');
    const hits = this.words.filter(([w]) => content.includes(w));
    const traceId = `${Date.now().toString(16)}-${crypto.randomBytes(4).toString('hex')}`;
    if (Number(p.version) !== 2) {
      // v1: errcode 87014 for risky content.
      return hits.length ? json({ errcode: 87014, errmsg: 'risky content' }) : json({ errcode: 0, errmsg: 'ok' });
    }
    const scene = Number(p.scene);
    if (![1, 2, 3, 4].includes(scene)) return wxError(40003, 'invalid args: scene');
    if (typeof p.openid !== 'string' || !p.openid) return wxError(40003, 'invalid openid');
    if (content.length > 2500) return wxError(47001, 'data format error: content too long');
    const label = hits.length ? hits[0][1] : 100;
    const suggest = hits.length ? 'risky' : 'pass';
    const detail: Array<Record<string, unknown>> = [
      { strategy: 'content_model', errcode: 0, suggest, label, prob: hits.length ? 90 : 0 },
    ];
    for (const [keyword, l] of hits) {
      detail.push({ strategy: 'keyword', errcode: 0, suggest: 'risky', label: l, level: 20, keyword });
    }
    return json({ errcode: 0, errmsg: 'ok', result: { suggest, label }, detail, trace_id: traceId });
  }

  /** Synchronous image check: errcode 87014 for a risky image, as the real API answers. */
  private imgSecCheck(p: Record<string, unknown>): OpenApiAnswer {
    // The media pair's bytes arrive decoded as text; markers are plain ASCII, so they survive.
    const media = p.media;
    if (media === undefined || media === null || media === '') return wxError(41005, 'media data missing');
    const bytes = typeof media === 'string' ? media : JSON.stringify(media);
    const risky = this.imageMarkers.some((m) => bytes.includes(m));
    return risky ? json({ errcode: 87014, errmsg: 'risky content' }) : json({ errcode: 0, errmsg: 'ok' });
  }

  /** An image's bytes carry a marker: the emulator's stand-in for a picture the check rejects. */
  imageIsRisky(bytes: Buffer): boolean {
    const text = bytes.toString('latin1');
    return this.imageMarkers.some((m) => text.includes(m));
  }

  /** Asynchronous check: answers a trace_id now, the verdict comes as the wxa_media_check event. */
  private mediaCheckAsync(p: Record<string, unknown>): OpenApiAnswer {
    const bad = mediaCheckParamsError(p);
    if (bad) return wxError(bad.errcode, bad.errmsg);
    const traceId = newTraceId();
    this.mediaChecks?.enqueue({ traceId, mediaUrl: String(p.media_url), openid: String(p.openid) });
    return json({ errcode: 0, errmsg: 'ok', trace_id: traceId });
  }

  private async getUnlimited(p: Record<string, unknown>): Promise<OpenApiAnswer> {
    const scene = p.scene === undefined ? '' : String(p.scene);
    if (!SCENE_RE.test(scene)) return wxError(40169, 'invalid length for scene, or the data is not json string');
    const page = p.page === undefined ? '' : String(p.page);
    if (page.startsWith('/')) return wxError(41030, 'invalid page');
    let width = p.width === undefined ? 430 : Number(p.width);
    if (!Number.isFinite(width)) return wxError(47001, 'data format error: width');
    width = Math.min(1280, Math.max(280, Math.round(width)));
    const target = `${this.publicUrl().replace(/\/$/, '')}/#/${page || 'pages/index/index'}?scene=${encodeURIComponent(scene)}`;
    const png = await QRCode.toBuffer(target, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
    return { contentType: 'image/png', body: png };
  }
}
