/**
 * A browser calling the functions the way the production h5 build does (the CloudBase web
 * SDK): signed in anonymously or with a custom-login ticket, against the emulator's stand-in
 * for the platform's login (emulator/webAuth.ts). No openid is ever sent.
 */
import type { ActionInput, ActionName, ActionOutput, ActionResult } from '@lxq/types';
import { newRequestId, type System } from './system';

export interface WebClient {
  call<N extends ActionName>(
    name: N,
    input: ActionInput<N>,
    requestId?: string,
    extraHeaders?: Record<string, string>,
  ): Promise<ActionResult<ActionOutput<N>>>;
  ok<N extends ActionName>(name: N, input: ActionInput<N>): Promise<ActionOutput<N>>;
  /** Trades a ticket for a login state, as `auth.signInWithCustomTicket()` does. */
  signIn(ticket: string): Promise<number>;
  /** Raw POST of an event to a function (to try what a page could send). */
  raw(fn: string, data: unknown): Promise<unknown>;
  /** Puts a file at `cloudPath`, as the web SDK's uploadFile does: the HTTP status and the fileID. */
  upload(cloudPath: string, content: Buffer): Promise<{ status: number; fileID?: string }>;
}

export async function webClient(sys: System): Promise<WebClient> {
  const base = sys.emulator.url;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  let token = ((await (await post('/__cloud/auth/anonymous', {})).json()) as { access_token: string }).access_token;
  const raw = async (fn: string, data: unknown, headers: Record<string, string> = {}) => {
    const res = await post(
      '/__cloud/callFunction',
      { name: fn, data },
      { authorization: `Bearer ${token}`, ...headers },
    );
    return ((await res.json()) as { result?: unknown }).result;
  };
  const call: WebClient['call'] = async (name, input, requestId, extraHeaders) => {
    const [fn, action] = name.split('.');
    return (await raw(fn, { action, input, requestId: requestId ?? newRequestId() }, extraHeaders)) as never;
  };
  return {
    call,
    async ok(name, input) {
      const res = await call(name, input);
      if (!res.ok) throw new Error(`${name} failed: ${JSON.stringify(res.error)}`);
      return res.data;
    },
    async signIn(ticket) {
      const res = await post('/__cloud/auth/signin/custom', { ticket });
      if (res.ok) token = ((await res.json()) as { access_token: string }).access_token;
      return res.status;
    },
    raw: (fn, data) => raw(fn, data),
    async upload(cloudPath, content) {
      const form = new FormData();
      form.append('file', new Blob([content]), cloudPath.split('/').pop());
      form.append('cloudPath', cloudPath);
      const res = await fetch(`${base}/__cloud/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      return { status: res.status, ...((await res.json()) as { fileID?: string }) };
    },
  };
}
