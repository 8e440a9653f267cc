/**
 * The custom-login ticket the account function signs (cloudfunctions/shared/webTicket.ts) is the
 * one @cloudbase/node-sdk's createTicket makes, and the emulator's stand-in for the platform's
 * login (emulator/webAuth.ts) accepts exactly the tickets signed with the environment's key.
 */
import { createTicket } from '../../cloudfunctions/shared/webTicket';
import { functionEnvironment, WebAuth } from '../../emulator/webAuth';

const ENV = 'lxq-local';
const auth = new WebAuth(ENV);
const keyText = functionEnvironment().CUSTOM_LOGIN_KEY;
const SESSION = 'a1b2c3d4e5f6a1b2c3d4e5f6';

function withEnv<T>(vars: Record<string, string | undefined>, run: () => T): T {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return run();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
const sign = (now = new Date()) =>
  withEnv({ CUSTOM_LOGIN_KEY: keyText, TCB_ENV: ENV }, () => createTicket(SESSION, now));

test('when the function signs a ticket, then the login service accepts it for that session id', () => {
  const answer = auth.signInWithTicket(sign());
  expect(answer).toMatchObject({ access_token: expect.any(String), uid: expect.any(String) });
});

test('when @cloudbase/node-sdk signs one with the same key, then it has the same shape and is accepted too', () => {
  // A dependency of wx-server-sdk: the SDK the platform documents for signing tickets.
  const tcb = require('@cloudbase/node-sdk') as {
    init(c: object): { auth(): { createTicket(uid: string): string } };
  };
  const theirs = tcb
    .init({ env: ENV, credentials: JSON.parse(keyText) })
    .auth()
    .createTicket(SESSION);
  expect(auth.signInWithTicket(theirs)).not.toHaveProperty('error');
  const claims = (t: string) =>
    Object.keys(JSON.parse(Buffer.from(t.split('/@@/')[1].split('.')[1], 'base64url').toString()) as object).sort();
  expect(claims(sign())).toEqual(claims(theirs));
  expect(sign().split('/@@/')[0]).toBe(theirs.split('/@@/')[0]);
});

test('when a ticket is older than 10 minutes, then it is refused', () => {
  expect(auth.signInWithTicket(sign(new Date(Date.now() - 11 * 60_000)))).toEqual({ error: 'ticket 已过期' });
});

test('when the key is missing or belongs to another environment, then the function says so in Chinese', () => {
  expect(() => withEnv({ CUSTOM_LOGIN_KEY: undefined, TCB_ENV: ENV }, () => createTicket(SESSION, new Date()))).toThrow(
    /电脑端登录尚未开通/,
  );
  expect(() =>
    withEnv({ CUSTOM_LOGIN_KEY: keyText, TCB_ENV: 'other-env' }, () => createTicket(SESSION, new Date())),
  ).toThrow(/不属于当前云环境/);
});
