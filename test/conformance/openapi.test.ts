/**
 * cloud.openapi.* through the unmodified wx-server-sdk against the emulator: subscribe-message
 * grants/limits/outbox, msgSecCheck, wxacode.getUnlimited, per-function openapi permissions,
 * durability of grants and outbox across restarts.
 */
import type { Emulator } from '../../emulator/index';
import { validateTemplateData } from '../../emulator/openapi/templates';
import { getJson, httpCall, postJson, start, tempDataDir, type Json } from './fixtures/harness';

jest.setTimeout(30_000);

let emu: Emulator;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  emu = await start({ dataDir, publicUrl: 'http://192.168.1.20:8787' });
});

afterAll(async () => {
  await emu?.stop();
});

const T = 'TPL_concern_reply';
const goodData = {
  thing1: { value: '您反映的问题已有答复' },
  time2: { value: '2024年5月1日 15:01' },
  phrase3: { value: '已办结' },
};

async function send(openid: string, data: unknown, templateId = T) {
  return (await httpCall(emu, 'notify', { templateId, data, page: 'pages/concern/detail?id=1' }, openid)).body.result;
}

describe('subscribeMessage.send', () => {
  test('one grant → first send ok, second errCode 43101; outbox records the sent one', async () => {
    const sub = await postJson(emu, '/__cloud/subscribe', { openid: 'oSub1', templateId: T, result: 'accept' });
    expect(sub.status).toBe(200);
    expect(sub.body.remaining[T]).toBe(1);
    expect((await getJson(emu, '/__cloud/subscriptions?openid=oSub1')).body.subscriptions).toEqual([
      { templateId: T, remaining: 1 },
    ]);

    const first = await send('oSub1', goodData);
    expect(first).toMatchObject({ ok: true, errCode: 0 });
    expect(typeof first.msgid).toBe('number');
    const second = await send('oSub1', goodData);
    expect(second.ok).toBe(false);
    expect(second.errCode).toBe(43101);

    const outbox = (await getJson(emu, '/__cloud/outbox')).body;
    const mine = outbox.filter((e: Json) => e.touser === 'oSub1');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      touser: 'oSub1',
      templateId: T,
      page: 'pages/concern/detail?id=1',
      data: goodData,
    });
    expect(new Date(mine[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(emu.outbox().filter((e) => e.touser === 'oSub1')).toHaveLength(1);
    expect((await getJson(emu, '/__cloud/subscriptions?openid=oSub1')).body.subscriptions).toEqual([]);
  });

  test('reject grants nothing; each accept grants one more', async () => {
    await postJson(emu, '/__cloud/subscribe', { openid: 'oSub2', templateId: T, result: 'reject' });
    expect((await send('oSub2', goodData)).errCode).toBe(43101);
    await postJson(emu, '/__cloud/subscribe', { openid: 'oSub2', templateId: T, result: 'accept' });
    await postJson(emu, '/__cloud/subscribe', { openid: 'oSub2', templateId: T, result: 'accept' });
    expect((await send('oSub2', goodData)).ok).toBe(true);
    expect((await send('oSub2', goodData)).ok).toBe(true);
    expect((await send('oSub2', goodData)).errCode).toBe(43101);
  });

  test('a grant is per template', async () => {
    await postJson(emu, '/__cloud/subscribe', { openid: 'oSub3', templateId: 'OTHER', result: 'accept' });
    expect((await send('oSub3', goodData)).errCode).toBe(43101);
  });

  test('a thing field of 21 chars → 47003, and the grant is not consumed', async () => {
    await postJson(emu, '/__cloud/subscribe', { openid: 'oSub4', templateId: T, result: 'accept' });
    const r = await send('oSub4', { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } });
    expect(r.ok).toBe(false);
    expect(r.errCode).toBe(47003);
    expect((await send('oSub4', { thing1: { value: '一二三四五六七八九十一二三四五六七八九十' } })).ok).toBe(true);
  });

  test('bad subscribe requests → 400 with a Chinese message', async () => {
    const a = await postJson(emu, '/__cloud/subscribe', { templateId: T, result: 'accept' });
    expect(a.status).toBe(400);
    expect(a.body.error).toMatch(/[\u4e00-\u9fff]/);
    expect((await postJson(emu, '/__cloud/subscribe', { openid: 'o', templateId: T, result: 'maybe' })).status).toBe(
      400,
    );
  });
});

describe('template field rules', () => {
  const ok = (data: unknown) => expect(validateTemplateData(data)).toBeNull();
  const bad = (data: unknown) => expect(validateTemplateData(data)).not.toBeNull();

  test('thing ≤ 20', () => {
    ok({ thing1: { value: 'a'.repeat(20) } });
    bad({ thing1: { value: 'a'.repeat(21) } });
    bad({ thing1: { value: '' } });
  });
  test('phrase ≤ 5 Chinese only', () => {
    ok({ phrase1: { value: '已受理' } });
    bad({ phrase1: { value: '已受理待答复' } });
    bad({ phrase1: { value: 'ok' } });
  });
  test('number, letter, symbol, character_string', () => {
    ok({ number1: { value: '123.5' } });
    ok({ number1: { value: 42 } });
    bad({ number1: { value: '12a' } });
    bad({ number1: { value: '1'.repeat(33) } });
    ok({ letter1: { value: 'abc' } });
    bad({ letter1: { value: 'ab1' } });
    ok({ symbol1: { value: '%' } });
    bad({ symbol1: { value: '%%%%%%' } });
    ok({ character_string1: { value: 'LXQ-2024-0001' } });
    bad({ character_string1: { value: '编号1' } });
    bad({ character_string1: { value: 'x'.repeat(33) } });
  });
  test('time and date', () => {
    ok({ time1: { value: '15:01' } });
    ok({ time1: { value: '2019年10月1日 15:01' } });
    ok({ time1: { value: '2024-05-01 09:30' } });
    ok({ time1: { value: '15:00~16:00' } });
    bad({ time1: { value: '25:01' } });
    bad({ time1: { value: '明天下午' } });
    ok({ date1: { value: '2019年10月1日' } });
    ok({ date1: { value: '2019-10-01 15:01' } });
    bad({ date1: { value: '2019年2月30日' } });
    bad({ date1: { value: '下周一' } });
  });
  test('amount, phone_number, name, car_number, unknown keys', () => {
    ok({ amount1: { value: '¥100.50' } });
    ok({ amount1: { value: '100元' } });
    bad({ amount1: { value: '12345678901' } });
    ok({ phone_number1: { value: '+86-0755-12345678' } });
    bad({ phone_number1: { value: '1'.repeat(18) } });
    ok({ name1: { value: '张三' } });
    bad({ name1: { value: '一二三四五六七八九十一' } });
    ok({ name1: { value: 'Zhang San' } });
    bad({ name1: { value: 'a'.repeat(21) } });
    ok({ car_number1: { value: '粤A12345' } });
    bad({ foo1: { value: 'x' } });
    bad({ thing: { value: 'x' } });
    bad({});
  });
});

describe('security.msgSecCheck (v2)', () => {
  test('risky text → suggest risky with a label; clean text → pass / 100', async () => {
    const risky = (await httpCall(emu, 'seccheck', { content: '周末一起去赌博吧' }, 'oSec')).body.result;
    expect(risky.ok).toBe(true);
    expect(risky.res.errCode).toBe(0);
    expect(risky.res.result.suggest).toBe('risky');
    expect(risky.res.result.label).not.toBe(100);
    expect(Array.isArray(risky.res.detail)).toBe(true);
    expect(typeof risky.res.traceId).toBe('string');

    const clean = (await httpCall(emu, 'seccheck', { content: '建议在社区增设老年人助餐点' }, 'oSec')).body.result;
    expect(clean.res.result).toEqual({ suggest: 'pass', label: 100 });
  });

  test.each([
    ['王八蛋', 20003],
    ['加我微信', 10001],
    ['裸聊', 20002],
    ['聚众赌博', 20006],
    ['上门诈骗', 20008],
  ])('text with %s → risky with label %i from that label’s list', async (content, label) => {
    const res = (await httpCall(emu, 'seccheck', { content }, 'oSec')).body.result.res;
    expect(res.result).toEqual({ suggest: 'risky', label });
  });

  test('lists per label replace the default', async () => {
    const other = await start({ wordList: { 20003: ['坏蛋'] } });
    try {
      const res = (await httpCall(other, 'seccheck', { content: '你这个坏蛋' }, 'o1')).body.result.res;
      expect(res.result).toEqual({ suggest: 'risky', label: 20003 });
    } finally {
      await other.stop();
    }
  });

  test('a custom word list replaces the default', async () => {
    const other = await start({ wordList: ['违禁词'] });
    try {
      expect((await httpCall(other, 'seccheck', { content: '含有违禁词' }, 'o1')).body.result.res.result.suggest).toBe(
        'risky',
      );
      expect((await httpCall(other, 'seccheck', { content: '赌博' }, 'o1')).body.result.res.result.suggest).toBe(
        'pass',
      );
    } finally {
      await other.stop();
    }
  });
});

describe('security.imgSecCheck', () => {
  test('an image whose bytes carry a risky marker → errCode 87014; a clean one → ok', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const check = async (bytes: Buffer) =>
      (await httpCall(emu, 'imgcheck', { base64: bytes.toString('base64') }, 'oImg')).body.result;
    expect(await check(png)).toMatchObject({ ok: true, res: { errCode: 0 } });
    expect(await check(Buffer.concat([png, Buffer.from('RISKY-IMAGE')]))).toMatchObject({ ok: false, errCode: 87014 });
  });
});

describe('wxacode.getUnlimited', () => {
  test('answers a PNG buffer (image/png) encoding the h5 page URL', async () => {
    const r = (await httpCall(emu, 'qrcode', { scene: 'ws=abc123', page: 'pages/workstation/index' }, 'oQ')).body
      .result;
    expect(r.ok).toBe(true);
    expect(r.isBuffer).toBe(true);
    expect(r.contentType).toBe('image/png');
    const png = Buffer.from(r.base64, 'base64');
    expect(png.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(true);
    expect(r.head).toBe('\x89PNG');
  });

  test('scene of 33 chars → errCode 40169', async () => {
    const r = (await httpCall(emu, 'qrcode', { scene: 'x'.repeat(33) }, 'oQ')).body.result;
    expect(r.ok).toBe(false);
    expect(r.errCode).toBe(40169);
    const ok32 = (await httpCall(emu, 'qrcode', { scene: 'x'.repeat(32) }, 'oQ')).body.result;
    expect(ok32.ok).toBe(true);
  });
});

describe('permissions', () => {
  test('an openapi not declared in config.json permissions.openapi fails like the platform (-604101)', async () => {
    const errSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const r = (await httpCall(emu, 'noperm', {}, 'oP')).body.result;
      expect(r.ok).toBe(false);
      expect(r.errCode).toBe(-604101);
    } finally {
      errSpy.mockRestore();
    }
  });
});

describe('durability', () => {
  test('grants and outbox survive a restart', async () => {
    const dir = tempDataDir();
    const a = await start({ dataDir: dir });
    await fetch(`${a.url}/__cloud/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ openid: 'oDur', templateIds: [T, T], result: 'accept' }),
    });
    await httpCall(a, 'notify', { templateId: T, data: goodData }, 'oDur');
    await a.stop();
    const b = await start({ dataDir: dir });
    try {
      expect(b.outbox().map((e) => e.touser)).toEqual(['oDur']);
      expect((await getJson(b, '/__cloud/subscriptions?openid=oDur')).body.subscriptions).toEqual([
        { templateId: T, remaining: 1 },
      ]);
    } finally {
      await b.stop();
    }
  });
});
