import { useEffect } from 'react';
import Taro from '@tarojs/taro';

export const LEAVE_MESSAGE = '放弃填写？已填的内容会保存在手机上，下次打开可以接着填。';

/**
 * While a form holds unsent text, leaving asks first: WeChat's own dialog before the page closes
 * by the back button, the browser's before a reload or a closed tab.
 */
export function useLeaveGuard(active: boolean) {
  useEffect(() => {
    if (!active) return undefined;
    if (process.env.TARO_ENV === 'weapp') {
      // An old base library without the dialog: the draft alone keeps the text.
      quietly(() => Taro.enableAlertBeforeUnload({ message: LEAVE_MESSAGE }));
      return () => quietly(() => Taro.disableAlertBeforeUnload());
    }
    if (typeof window === 'undefined') return undefined;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = LEAVE_MESSAGE;
      return LEAVE_MESSAGE;
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [active]);
}

function quietly(fn: () => unknown) {
  try {
    const r = fn() as Promise<unknown> | undefined;
    if (r && typeof r.catch === 'function') r.catch(() => undefined);
  } catch {
    // not offered here
  }
}
