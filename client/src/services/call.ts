import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput, ActionResult, CallData } from '@lxq/types';
import { CallError, NETWORK_MESSAGE } from './errors';
import { getOpenid } from './identity';
import { WebLoginLost, webBackend, webLoginLost } from './webBackend';

export { CallError } from './errors';

export interface CallOptions {
  /** Required for mutations; a retry must reuse it so the server stores the change once. */
  requestId?: string;
}

type Answer<T> = ActionResult<T> | undefined;

/**
 * How callFunction rejects when the function itself timed out (-504003) or crashed (-504002): the
 * action may have run in part, so the caller keeps its requestId (INTERNAL) and the form.
 */
const FUNCTION_FAILED = new Set([-504002, -504003]);
export const FUNCTION_FAILED_MESSAGE = '服务器这次没有处理完，填写的内容已保留，请稍后再点一次';

/** The platform's rejection of callFunction: `{errCode, errMsg}`. */
interface PlatformRejection {
  errCode: number;
  errMsg?: string;
}

function isFunctionFailure(e: unknown): e is PlatformRejection {
  return !!e && typeof e === 'object' && FUNCTION_FAILED.has((e as PlatformRejection).errCode);
}

async function transport<T>(name: string, data: CallData): Promise<Answer<T>> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.callFunction({ name, data: data as unknown as Record<string, unknown> });
    return res.result as Answer<T>;
  }
  return browserTransport<T>(name, data);
}

/**
 * In a browser: the production console always calls through the platform's web login (a
 * constant, so that build has no emulator path at all); on the emulator, a page signed in by
 * scan does too, and otherwise it sends the chosen identity (切换身份) as X-WX-OPENID.
 */
const browserTransport = LXQ_WEB_CLOUD
  ? async <T>(name: string, data: CallData) => (await webBackend.callFunction(name, data)) as Answer<T>
  : async <T>(name: string, data: CallData) =>
      webBackend.hasLogin()
        ? ((await webBackend.callFunction(name, data)) as Answer<T>)
        : emulatorTransport<T>(name, data);

async function emulatorTransport<T>(name: string, data: CallData): Promise<Answer<T>> {
  const res = await fetch('/__cloud/callFunction', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': getOpenid() },
    body: JSON.stringify({ name, data }),
  });
  type Body = { result?: Answer<T>; errCode?: number; errMsg?: string };
  let body: Body | null = null;
  try {
    body = (await res.json()) as Body;
  } catch {
    body = null;
  }
  // the local cloud fails a timed-out or crashed function as wx.cloud.callFunction does
  if (body && typeof body.errCode === 'number') throw { errCode: body.errCode, errMsg: body.errMsg };
  if (!body || body.result === undefined) {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return undefined;
  }
  return body.result;
}

/**
 * The one way the client talks to the server. 'concern.submit' → function 'concern',
 * data {action:'submit', input, requestId}. Resolves with the action's data or throws CallError.
 */
export async function call<N extends ActionName>(
  name: N,
  input: ActionInput<N>,
  opts: CallOptions = {},
): Promise<ActionOutput<N>> {
  const dot = name.indexOf('.');
  const fn = name.slice(0, dot);
  const data: CallData = { action: name.slice(dot + 1), input };
  if (opts.requestId) data.requestId = opts.requestId;

  let answer: Answer<ActionOutput<N>>;
  try {
    answer = await transport<ActionOutput<N>>(fn, data);
  } catch (err) {
    if (isFunctionFailure(err)) throw new CallError('INTERNAL', FUNCTION_FAILED_MESSAGE);
    if (err instanceof WebLoginLost) {
      webLoginLost();
      throw new CallError('UNAUTHENTICATED', '电脑端登录已失效，请重新扫码登录');
    }
    throw new CallError('INTERNAL', NETWORK_MESSAGE, undefined, true);
  }
  if (!answer || typeof answer !== 'object' || typeof answer.ok !== 'boolean') {
    throw new CallError('INTERNAL');
  }
  if (answer.ok) return answer.data;
  const { code, message, fields } = answer.error ?? { code: 'INTERNAL' as const, message: '' };
  // A PC whose session was ended (下线, revoked, expired) shows its sign-in code again.
  if (code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') webLoginLost();
  throw new CallError(code ?? 'INTERNAL', message, fields);
}
