/**
 * How long a browser may keep a file of the h5 build, one rule for the emulator's static route
 * and for the static hosting the deploy configures (scripts/deploy): a file whose name carries its
 * content hash (js/app.1a2b3c4d.js) never changes, so it is kept a year without asking again;
 * the entry page names the current hashes, so it is asked for every time; anything else briefly.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const SHORT = 'public, max-age=300';

/** A content hash of 8 hex digits just before the extension, as client/config names h5 output. */
const HASHED = /\.[0-9a-f]{8}\.(?:js|css|png|jpe?g|gif|svg|webp|woff2?|ttf)$/;

/** The Cache-Control for a file of the build, by its path inside the build ('index.html', 'js/…'). */
export function cacheControlFor(relPath: string): string {
  if (relPath.endsWith('.html')) return REVALIDATE;
  return HASHED.test(relPath) ? IMMUTABLE : SHORT;
}

/** Worth compressing: text. Images and fonts are compressed already. */
export function compressible(relPath: string): boolean {
  return /\.(?:js|css|html|json|svg|txt|map|xml|wasm)$/.test(relPath);
}
