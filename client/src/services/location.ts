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

/** A place as WeChat's map picker answers it: what a person recognises, and where it is. */
export interface Place {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
}

/** The words shown for a place: its name, else its address; never bare coordinates. */
export const placeLabel = (p: Place) => p.name || p.address || '已选位置（地图上查看）';

/**
 * WeChat's map picker on weapp. The browser has no map service offline, so there the page asks
 * for the place's name itself (PlaceField) and this answers null.
 */
export async function choosePlace(): Promise<Place | null> {
  if (process.env.TARO_ENV !== 'weapp') return null;
  const r = await Taro.chooseLocation({});
  return { name: r.name ?? '', address: r.address ?? '', latitude: r.latitude, longitude: r.longitude };
}

/** Opens a map at the place: WeChat's built-in map, or in the browser a geo: link (RFC 5870) the phone's map app takes. */
export function openMap(p: Place) {
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({
      latitude: p.latitude,
      longitude: p.longitude,
      name: p.name,
      address: p.address,
      scale: 16,
    });
    return;
  }
  if (typeof window !== 'undefined') window.location.href = geoLink(p);
}

export const geoLink = (p: Place) =>
  `geo:${p.latitude.toFixed(6)},${p.longitude.toFixed(6)}?q=${p.latitude.toFixed(6)},${p.longitude.toFixed(6)}(${encodeURIComponent(placeLabel(p))})`;
