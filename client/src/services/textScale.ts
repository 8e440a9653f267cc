import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/**
 * 大字模式: larger text and targets, stronger contrast. The person's own choice on 我的 wins;
 * until they choose, WeChat's system font setting decides (a large system font turns it on).
 */
const KEY = 'lxq_text_size';
const EVENT = 'lxq:text-size';

/**
 * WeChat's 字体大小: fontSizeSetting in px (iOS standard 17, Android 16) and fontSizeScaleFactor
 * (the setting over the standard). From the second step up (19.5 px on a 375 screen, ×1.15) text
 * this small no longer reads comfortably: follow it with 大字模式.
 */
const LARGE_SCALE = 1.15;

function systemWantsLarge(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as {
      fontSizeSetting?: number;
      fontSizeScaleFactor?: number;
    };
    const scale = info.fontSizeScaleFactor ?? (info.fontSizeSetting ? info.fontSizeSetting / 17 : 1);
    return scale >= LARGE_SCALE;
  } catch {
    return false;
  }
}

export function isLargeText(): boolean {
  try {
    const chosen = Taro.getStorageSync(KEY) as string;
    if (chosen === 'large') return true;
    if (chosen === 'normal') return false;
  } catch {
    // storage unavailable: follow the system
  }
  return systemWantsLarge();
}

export function setLargeText(on: boolean): void {
  Taro.setStorageSync(KEY, on ? 'large' : 'normal');
  Taro.eventCenter.trigger(EVENT, on);
}

/** Whether pages are in 大字模式 now; follows the switch on 我的 without a reload. */
export function useLargeText(): boolean {
  const [large, setLarge] = useState(isLargeText);
  useEffect(() => {
    const on = (v: boolean) => setLarge(v);
    Taro.eventCenter.on(EVENT, on);
    // Another page may have switched it while this one was in the background.
    setLarge(isLargeText());
    return () => {
      Taro.eventCenter.off(EVENT, on);
    };
  }, []);
  return large;
}
