import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { call } from '../services/call';

/** Tells tab bars that the unread count changed (the inbox page read something). */
export const UNREAD_EVENT = 'lxq:unread';

/** The caller's unread inbox count for the 委员 tab's badge; 0 while unknown or on failure. */
export function useUnread(enabled: boolean): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    call('account.listInbox', { pageSize: 1, unreadOnly: true })
      .then((r) => live && setUnread(r.unread))
      .catch(() => undefined);
    const onChange = (n: number) => live && setUnread(n);
    Taro.eventCenter.on(UNREAD_EVENT, onChange);
    return () => {
      live = false;
      Taro.eventCenter.off(UNREAD_EVENT, onChange);
    };
  }, [enabled]);
  return unread;
}
