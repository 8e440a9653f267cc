/**
 * Functions runtime of the emulator: identity, worker instances, timeouts, errors, the
 * callFunction endpoint, function-to-function calls, timer triggers and the other endpoints.
 * The fixture functions under fixtures/functions use the unmodified wx-server-sdk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../../emulator/index';
import { nextFireTime, parseCron } from '../../emulator/functions/cron';
import {
  FUNCTIONS_DIR,
  HAS_CHINESE,
  STATIC_DIR,
  getJson,
  httpCall,
  postJson,
  start,
  tempDataDir,
  type Json,
} from './fixtures/harness';

jest.setTimeout(30_000);

let emu: Emulator;
let dataDir: string;
let errors: string[] = [];
let errorSpy: jest.SpyInstance;

beforeAll(async () => {
  dataDir = tempDataDir();
  emu = await start({ dataDir, staticDir: STATIC_DIR });
});

afterAll(async () => {
  await emu?.stop();
});

beforeEach(() => {
  errors = [];
  errorSpy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
  });
});

afterEach(() => {
  errorSpy.mockRestore();
});

describe('callFunction and getWXContext', () => {
  test('getWXContext().OPENID is the caller from the X-WX-OPENID header', async () => {
    const a = await httpCall(emu, 'whoami', { n: 1 }, 'oCitizenAAAAAAAAAAAAAAAAAAAA');
    expect(a.status).toBe(200);
    expect(a.body.result.ctx.OPENID).toBe('oCitizenAAAAAAAAAAAAAAAAAAAA');
    expect(a.body.result.ctx.APPID).toBe('wx_emulator_appid');
    expect(a.body.result.ctx.ENV).toBe('lxq-local');
    expect(a.body.result.event.n).toBe(1);
    expect(a.body.result.event.userInfo).toEqual({
      appId: 'wx_emulator_appid',
      openId: 'oCitizenAAAAAAAAAAAAAAAAAAAA',
    });
    expect(a.body.result.functionName).toBe('whoami');
    expect(typeof a.body.result.requestId).toBe('string');

    // The same warm instance serves the next caller with the next caller's identity.
    const b = await httpCall(emu, 'whoami', {}, 'oStaffBBBBBBBBBBBBBBBBBBBBBBB');
    expect(b.body.result.ctx.OPENID).toBe('oStaffBBBBBBBBBBBBBBBBBBBBBBB');
  });

  test('no header: a fresh openid is generated and returned in X-WX-OPENID', async () => {
    const a = await httpCall(emu, 'whoami', {});
    const openid = a.headers.get('x-wx-openid');
    expect(openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(a.body.result.ctx.OPENID).toBe(openid);
  });

  test('Emulator.callFunction takes the same path', async () => {
    const r = (await emu.callFunction('whoami', { x: 2 }, 'oDirect')) as Json;
    expect(r.ctx.OPENID).toBe('oDirect');
    expect(r.event.x).toBe(2);
  });

  test('a function calling another keeps the caller OPENID', async () => {
    const a = await httpCall(emu, 'caller', { target: 'whoami' }, 'oChainUser');
    expect(a.body.result.before).toBe('oChainUser');
    expect(a.body.result.callee.ctx.OPENID).toBe('oChainUser');
    expect(a.body.result.callee.event.from).toBe('caller');
    expect(a.body.result.after).toBe('oChainUser');
  });

  test('concurrent callers through a function-to-function chain each keep their own identity', async () => {
    const users = ['oU1', 'oU2', 'oU3', 'oU4'];
    const answers = await Promise.all(users.map((u) => httpCall(emu, 'caller', { target: 'whoami' }, u)));
    answers.forEach((a, i) => {
      expect(a.body.result.callee.ctx.OPENID).toBe(users[i]);
      expect(a.body.result.after).toBe(users[i]);
    });
  });

  test('calling an unknown function from a function rejects in the caller', async () => {
    const a = await httpCall(emu, 'relay', { target: 'no_such_fn' }, 'oX');
    expect(a.body.result).toMatchObject({ code: 'FUNCTIONS_REQUEST_FAIL' });
  });

  test('when a function calls one that crashes or times out, then its callFunction rejects with FUNCTIONS_EXECUTE_FAIL', async () => {
    // the service answers FUNCTIONS_EXECUTE_FAIL (-504002); wx-server-sdk rejects carrying that code
    const crash = await httpCall(emu, 'relay', { target: 'thrower' }, 'oX');
    expect(crash.body.result.code).toBe('FUNCTIONS_EXECUTE_FAIL');
    expect(crash.body.result.errMsg).toContain('boom from fixture');
    const slow = await httpCall(emu, 'relay', { target: 'sleeper' }, 'oX');
    expect(slow.body.result.code).toBe('FUNCTIONS_EXECUTE_FAIL');
    expect(slow.body.result.errMsg).toContain('Invoking task timed out after 3 seconds');
  });
});

describe('instances', () => {
  test('one request per instance: two concurrent slow calls run in two instances, then warm reuse', async () => {
    const [a, b] = await Promise.all([
      httpCall(emu, 'slow', { ms: 700 }, 'oSlowA'),
      httpCall(emu, 'slow', { ms: 700 }, 'oSlowB'),
    ]);
    expect(a.body.result.workerId).not.toBe(b.body.result.workerId);
    expect(a.body.result.openid).toBe('oSlowA');
    expect(b.body.result.openid).toBe('oSlowB');
    // They really overlapped.
    expect(a.body.result.started).toBeLessThan(b.body.result.ended);
    expect(b.body.result.started).toBeLessThan(a.body.result.ended);

    const c = await httpCall(emu, 'slow', { ms: 10 }, 'oSlowC');
    expect([a.body.result.workerId, b.body.result.workerId]).toContain(c.body.result.workerId);
  });

  test('when a function runs past its timeout (default 3 s), then callFunction fails with -504003 as on the platform, and it is logged', async () => {
    const t0 = Date.now();
    const a = await httpCall(emu, 'sleeper', {}, 'oSleepy');
    const took = Date.now() - t0;
    expect(a.status).toBe(504);
    expect(a.body).toEqual({
      errCode: -504003,
      errMsg: 'cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds',
    });
    expect(a.body.result).toBeUndefined();
    expect(took).toBeGreaterThanOrEqual(2900);
    expect(took).toBeLessThan(4900);
    expect(errors.join('\n')).toMatch(/sleeper.*超时/);
  });

  test('config.json timeout is honoured (slow has 10 s)', async () => {
    const a = await httpCall(emu, 'slow', { ms: 3300 }, 'oPatient');
    expect(a.body.result.openid).toBe('oPatient');
  });

  test('when a function throws, then callFunction fails with -504002 as on the platform, and the error goes to stderr', async () => {
    const a = await httpCall(emu, 'thrower', {}, 'oT');
    expect(a.status).toBe(502);
    expect(a.body.errCode).toBe(-504002);
    expect(a.body.errMsg).toContain('functions execute fail');
    expect(a.body.result).toBeUndefined();
    // the programmatic call rejects the same way
    await expect(emu.callFunction('thrower', {}, 'oT')).rejects.toMatchObject({ errCode: -504002 });
    expect(errors.join('\n')).toContain('boom from fixture');
  });
});

describe('/__cloud/callFunction request errors', () => {
  test('malformed JSON → 400 with a Chinese message', async () => {
    const a = await postJson(emu, '/__cloud/callFunction', '{not json');
    expect(a.status).toBe(400);
    expect(a.body.error).toMatch(HAS_CHINESE);
  });

  test('no name → 400 with a Chinese message', async () => {
    const a = await postJson(emu, '/__cloud/callFunction', { data: {} });
    expect(a.status).toBe(400);
    expect(a.body.error).toMatch(HAS_CHINESE);
  });

  test('unknown function → 200 NOT_FOUND', async () => {
    const a = await httpCall(emu, 'nope', {}, 'oN');
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ result: { ok: false, error: { code: 'NOT_FOUND', message: '云函数 nope 不存在' } } });
  });

  test('a path-like name is just unknown', async () => {
    const a = await httpCall(emu, '../whoami', {}, 'oN');
    expect(a.body.result.error.code).toBe('NOT_FOUND');
  });
});

describe('timer triggers', () => {
  test('POST /__cloud/trigger/<name> runs the timer function now with a Timer event', async () => {
    const a = await postJson(emu, '/__cloud/trigger/ticker', '');
    expect(a.status).toBe(200);
    expect(a.body.result.event.Type).toBe('Timer');
    expect(a.body.result.event.TriggerName).toBe('daily9');
    expect(a.body.result.event.Time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(a.body.result.openid).toBeNull();
    const first = a.body.result.total as number;
    const b = await postJson(emu, '/__cloud/trigger/ticker', { triggerName: 'daily9' });
    expect(b.body.result.total).toBe(first + 1);
  });

  test('trigger on an unknown function or trigger → 404', async () => {
    expect((await postJson(emu, '/__cloud/trigger/nope', '')).status).toBe(404);
    expect((await postJson(emu, '/__cloud/trigger/whoami', '')).status).toBe(404);
    expect((await postJson(emu, '/__cloud/trigger/ticker', { triggerName: 'other' })).status).toBe(404);
  });

  test('timers: true runs triggers on their schedule', async () => {
    const fnDir = tempDataDir();
    fs.mkdirSync(path.join(fnDir, 'everysec'));
    // Outside the repo, so point the copy at the repo's wx-server-sdk.
    const source = fs.readFileSync(path.join(FUNCTIONS_DIR, 'ticker', 'index.js'), 'utf8');
    fs.writeFileSync(
      path.join(fnDir, 'everysec', 'index.js'),
      source.replace("require('wx-server-sdk')", `require(${JSON.stringify(require.resolve('wx-server-sdk'))})`),
    );
    fs.writeFileSync(
      path.join(fnDir, 'everysec', 'config.json'),
      JSON.stringify({ triggers: [{ name: 'tick', type: 'timer', config: '* * * * * * *' }] }),
    );
    const timed = await start({ functionsDir: fnDir, timers: true });
    try {
      await new Promise((r) => setTimeout(r, 2600));
      const res = await fetch(timed.adminUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action: 'database.getDocument',
          collectionName: 'timer_log',
          queryType: 'WHERE',
          query: '{}',
          limit: 100,
        }),
      });
      const list = ((await res.json()) as Json).data.list.map((d: string | object) =>
        typeof d === 'string' ? JSON.parse(d) : d,
      );
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list[0].trigger).toBe('tick');
      expect(list[0].type).toBe('Timer');
    } finally {
      await timed.stop();
    }
  });

  test("cron '0 0 9 * * * *' fires at 09:00 Shanghai = 01:00 UTC", () => {
    expect(nextFireTime('0 0 9 * * * *', new Date('2024-05-01T00:30:00Z'))?.toISOString()).toBe(
      '2024-05-01T01:00:00.000Z',
    );
    expect(nextFireTime('0 0 9 * * * *', new Date('2024-05-01T01:00:00Z'))?.toISOString()).toBe(
      '2024-05-02T01:00:00.000Z',
    );
    // 23:30 UTC is 07:30 next day in Shanghai → fires 01:00 UTC the next day.
    expect(nextFireTime('0 0 9 * * * *', new Date('2024-05-01T23:30:00Z'))?.toISOString()).toBe(
      '2024-05-02T01:00:00.000Z',
    );
  });

  test('cron steps, lists, ranges, weekdays and years', () => {
    expect(nextFireTime('0 */5 * * * * *', new Date('2024-05-01T00:01:00Z'))?.toISOString()).toBe(
      '2024-05-01T00:05:00.000Z',
    );
    expect(nextFireTime('30 15 10,22 * * * *', new Date('2024-05-01T03:00:00Z'))?.toISOString()).toBe(
      '2024-05-01T14:15:30.000Z',
    );
    // Mondays 08:00 Shanghai; 2024-05-06 is a Monday.
    expect(nextFireTime('0 0 8 * * MON *', new Date('2024-05-01T00:00:00Z'))?.toISOString()).toBe(
      '2024-05-06T00:00:00.000Z',
    );
    expect(nextFireTime('0 0 8 * * 1-5 *', new Date('2024-05-03T01:00:00Z'))?.toISOString()).toBe(
      '2024-05-06T00:00:00.000Z',
    );
    expect(nextFireTime('0 0 0 1 1 * 2023', new Date('2024-05-01T00:00:00Z'))).toBeNull();
    expect(() => parseCron('0 0 25 * * * *')).toThrow();
    expect(() => parseCron('* * *')).toThrow();
  });
});

describe('other endpoints', () => {
  test('health', async () => {
    expect((await getJson(emu, '/__cloud/health')).body).toEqual({ ok: true });
  });

  test('when the system is started not ready (npm start while loading the demo), then health says 503 until markReady', async () => {
    const loading = await start({ ready: false });
    try {
      const before = await getJson(loading, '/__cloud/health');
      expect(before.status).toBe(503);
      expect(before.body).toEqual({ ok: false, message: '正在载入演示数据，请稍候' });
      loading.markReady();
      const after = await getJson(loading, '/__cloud/health');
      expect(after.status).toBe(200);
      expect(after.body).toEqual({ ok: true });
    } finally {
      await loading.stop();
    }
  });

  test('accounts: [] without accounts.json, its content with it', async () => {
    expect((await getJson(emu, '/__cloud/accounts')).body).toEqual([]);
    const accounts = [{ openid: 'oM1', name: '张委员', roles: ['member'] }];
    fs.writeFileSync(path.join(dataDir, 'accounts.json'), JSON.stringify(accounts));
    expect((await getJson(emu, '/__cloud/accounts')).body).toEqual(accounts);
  });

  test('static h5 build with SPA fallback and content types', async () => {
    const index = await fetch(`${emu.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    const js = await fetch(`${emu.url}/js/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    const spa = await fetch(`${emu.url}/pages/concern/detail?id=1`, { headers: { Accept: 'text/html' } });
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('连心桥');
    const missing = await fetch(`${emu.url}/js/missing.js`, { headers: { Accept: '*/*' } });
    expect(missing.status).toBe(404);
    const escape = await fetch(`${emu.url}/..%2f..%2fetc/passwd`, { headers: { Accept: '*/*' } });
    // Normalised inside the static root: never a file outside it.
    expect(await escape.text()).not.toContain('root:');
  });

  test('/admin refuses browser requests (Origin header)', async () => {
    const res = await fetch(`${emu.adminUrl}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: JSON.stringify({ action: 'database.getDocument', collectionName: 'timer_log' }),
    });
    expect(res.status).toBe(403);
  });

  test('/admin routes database actions to the engine', async () => {
    const res = await fetch(`${emu.adminUrl}?env=lxq-local`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        action: 'database.getDocument',
        collectionName: 'timer_log',
        queryType: 'WHERE',
        query: '{}',
        limit: 100,
      }),
    });
    const body = (await res.json()) as Json;
    expect(Array.isArray(body.data.list)).toBe(true);
  });
});
