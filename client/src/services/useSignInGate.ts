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
  const { path: route, params } = useRouter();
  // The page with its query (a table's filters), so sign-in can return to exactly it.
  const query = Object.entries(params)
    .filter(([k, v]) => !k.startsWith('$') && typeof v === 'string' && !route.includes(`${k}=`))
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&');
  const path = query ? `${route}${route.includes('?') ? '&' : '?'}${query}` : route;
  const target =
    process.env.TARO_ENV === 'h5' && LXQ_WEB_CLOUD
      ? signInRedirect(path, !!webSession(), LOGIN_PAGE, OPEN_PAGES)
      : null;
  useEffect(() => {
    if (target) void Taro.reLaunch({ url: target });
  }, [target]);
  return target;
}
