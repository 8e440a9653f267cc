import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { signInRedirect } from './signInRule';
import { LOGIN_PAGE, webSession } from './webLogin';

/** Pages the console shows without a session besides the sign-in page. */
const OPEN_PAGES = ['/pages/privacy/index'];

/**
 * In the production console (h5, LXQ_WEB_CLOUD), where this page must send a visitor with no web
 * session; null elsewhere (weapp, the emulator's h5) and when they may stay. The frames render
 * nothing while it moves, so the citizen view never flashes by.
 */
export function useSignInGate(): string | null {
  const { path, params } = useRouter();
  // Taro's path carries its own stamp instead of the page's query: rebuild the query from params.
  const query = Object.entries(params)
    .filter(([k, v]) => k !== 'stamp' && !k.startsWith('$') && v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  const asked = `${path.split('?')[0]}${query ? `?${query}` : ''}`;
  const target =
    process.env.TARO_ENV === 'h5' && LXQ_WEB_CLOUD
      ? signInRedirect(asked, !!webSession(), LOGIN_PAGE, OPEN_PAGES)
      : null;
  useEffect(() => {
    if (target) void Taro.reLaunch({ url: target });
  }, [target]);
  return target;
}
