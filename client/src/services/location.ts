import Taro from '@tarojs/taro';

export interface Point {
  lat: number;
  lng: number;
}

/**
 * Where the phone is, gcj02 as the server compares it with the station. On WeChat the platform
 * gives gcj02; in the browser (the emulator's h5 build) the browser's position is used as it is.
 */
export async function currentLocation(): Promise<Point> {
  if (process.env.TARO_ENV === 'weapp') {
    const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true });
    return { lat: r.latitude, lng: r.longitude };
  }
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new Error('此浏览器不支持定位'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => reject(new Error('无法获取位置，请允许定位后重试')),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  });
}

/** A message for a failed location request (the person refused, or the phone could not tell). */
export const locationMessage = (e: unknown) =>
  e instanceof Error && /[\u4e00-\u9fa5]/.test(e.message) ? e.message : '无法获取位置，请在设置中允许定位后重试';
