import type { GeoPoint } from '@lxq/types';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres (haversine). gcj02 points are compared as they are: both the
 * phone and the station are in gcj02, and its offset is locally constant, so the error over a
 * sign-in radius is a few metres at most.
 */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "1.3 公里" or "850 米", as a person reads a distance. */
export function distanceText(metres: number): string {
  if (metres >= 1000) return `${(metres / 1000).toFixed(metres >= 10_000 ? 0 : 1)} 公里`;
  return `${Math.round(metres)} 米`;
}

/** Degrees of latitude that span `metres` (for a bounding-box prefilter). */
export const latSpan = (metres: number) => metres / 111_320;
