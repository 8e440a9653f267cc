import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionOutput } from '@lxq/types';
import { Screen } from '../components/Screen';
import { useMe } from '../hooks/useMe';
import { call } from '../services/call';
import { toCallError } from '../services/errors';
import { randomId } from '../services/random';
import { afterSignIn } from '../services/signInRule';
import { webBackend } from '../services/webBackend';
import { completeWebLogin, describeDevice, signOut, webSession } from '../services/webLogin';
import { Button } from '../ui/button';
import './login.scss';

type Code = ActionOutput<'account.webLoginStart'>;
type State = 'loading' | 'pending' | 'confirmed' | 'refused' | 'expired' | 'used' | 'failed';

/** Where a signed-in PC goes: the staff console. */
const CONSOLE = '/staff/dashboard/index';
const POLL_MS = 2000;

const MESSAGES: Record<Exclude<State, 'loading' | 'pending'>, string> = {
  confirmed: '已在手机上确认，正在登录…',
  refused: '已在手机上拒绝登录',
  expired: '二维码已过期',
  used: '二维码已使用',
  failed: '',
};

/**
 * The PC console's sign-in (h5): a code the mini-program scans, valid 2 minutes and once. The
 * page polls every 2 seconds; when the person confirms on the phone it receives the login
 * ticket, signs in with it and opens the console.
 */
export default function WebLoginPage() {
  const [code, setCode] = useState<Code | null>(null);
  const [state, setState] = useState<State>('loading');
  const [error, setError] = useState('');
  const [left, setLeft] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const session = webSession();
  const { reload } = useMe();
  // The page the person first asked for, when the console sent them here to sign in.
  const target = afterSignIn(useRouter().params.next, CONSOLE);

  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const poll = useCallback(
    async (c: Code) => {
      try {
        const answer = await call('account.webLoginPoll', { id: c.id });
        if (answer.status === 'confirmed') {
          setState('confirmed');
          await completeWebLogin(answer.ticket, answer.sessionId, answer.name);
          // Who is asking has changed: the console opens as that person.
          await reload();
          await Taro.reLaunch({ url: target });
          return;
        }
        setState(answer.status);
        if (answer.status === 'pending') timer.current = setTimeout(() => void poll(c), POLL_MS);
      } catch (e) {
        setError(toCallError(e).message);
        setState('failed');
      }
    },
    [reload, target],
  );

  const start = useCallback(async () => {
    stop();
    setState('loading');
    setError('');
    try {
      if (!webBackend.hasLogin()) await webBackend.signInAnonymously();
      const c = await call('account.webLoginStart', { device: describeDevice() }, { requestId: randomId(24) });
      setCode(c);
      setState('pending');
      timer.current = setTimeout(() => void poll(c), POLL_MS);
    } catch (e) {
      setError(toCallError(e).message);
      setState('failed');
    }
  }, [poll]);

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5' && !session) void start();
    return stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The countdown a person reads under the code; the server decides expiry on its own clock.
  useEffect(() => {
    if (state !== 'pending' || !code) return undefined;
    const tick = () => setLeft(Math.max(0, Math.round((new Date(code.expiresAt).getTime() - Date.now()) / 1000)));
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [state, code]);

  if (process.env.TARO_ENV !== 'h5') {
    return (
      <Screen>
        <View className="card weblogin">
          <View className="weblogin__title">连心桥 · 电脑端工作台</View>
          <View className="muted">请在电脑浏览器中打开工作台，再用小程序扫码登录。</View>
        </View>
      </Screen>
    );
  }

  if (session) {
    return (
      <Screen>
        <View className="card weblogin">
          <View className="weblogin__title">连心桥 · 电脑端工作台</View>
          <View className="weblogin__status">已登录：{session.name}</View>
          <Button type="primary" block onClick={() => void Taro.reLaunch({ url: target })}>
            进入工作台
          </Button>
          <View className="weblogin__gap" />
          <Button block fill="outline" onClick={() => void signOut()}>
            退出登录
          </Button>
        </View>
      </Screen>
    );
  }

  const over = state === 'expired' || state === 'refused' || state === 'used' || state === 'failed';
  const confirmUrl = code ? `${window.location.origin}/#/account/weblogin?scene=${code.id}` : '';

  return (
    <Screen>
      <View className="card weblogin">
        <View className="weblogin__title">连心桥 · 电脑端工作台</View>
        <View className="muted">请使用微信扫一扫，在连心桥小程序中确认登录</View>
        <View className={`weblogin__qr ${over ? 'weblogin__qr--over' : ''}`}>
          {/* A plain image: this page only ever renders in a browser (see the weapp branch above). */}
          {code ? <img className="weblogin__img" src={code.qr} alt="登录二维码" /> : null}
          {over ? (
            <View className="weblogin__mask">
              <View className="weblogin__over">{MESSAGES[state] || error}</View>
              <Button type="primary" onClick={() => void start()}>
                刷新二维码
              </Button>
            </View>
          ) : null}
        </View>
        <View className="weblogin__status" aria-live="polite">
          {state === 'loading'
            ? '正在生成二维码…'
            : state === 'pending'
              ? `二维码 ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} 后过期，只能使用一次`
              : state === 'confirmed'
                ? MESSAGES.confirmed
                : state === 'failed'
                  ? error
                  : `${MESSAGES[state]}，请刷新二维码后重新扫码`}
        </View>
        {process.env.TARO_ENV === 'h5' && !LXQ_WEB_CLOUD && code && state === 'pending' ? (
          <View className="weblogin__demo">
            本地演示：没有手机时，在另一个窗口以工作人员身份打开
            <a className="link" href={confirmUrl} target="_blank" rel="noreferrer">
              确认页
            </a>
            即等于扫码。
          </View>
        ) : null}
      </View>
    </Screen>
  );
}
