/**
 * The production h5 console (`npm run build:console`, issue 12), read from its build output:
 * 切换身份, the emulator's accounts and its identity-header call path are compiled out; the CloudBase web SDK is in a chunk of
 * its own that the page fetches on first use, and neither the weapp nor the emulator's h5 build
 * carries it. Prints what the SDK adds to the first load.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../../scripts/paths';

const KB = 1024;
const CONSOLE = join(DIST, 'h5-console');
/** The SDK names itself in its code; none of our sources does. */
const SDK_MARK = '@cloudbase/js-sdk';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) && !e.name.endsWith('.map') ? [p] : [];
  });
}
const gz = (file: string) => gzipSync(readFileSync(file)).length;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

/** The scripts index.html loads before anything else (the first load's entry). */
function entryScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => join(dir, m[1]));
}

test('when the production console is built, then it has no identity picker and never calls the emulator', () => {
  expect(existsSync(join(CONSOLE, 'index.html'))).toBe(true);
  const leaks = files(CONSOLE, /\.(js|html)$/).filter((f) => {
    const text = readFileSync(f, 'utf8');
    return [
      '切换身份',
      '/__cloud/accounts',
      '/__cloud/callFunction',
      '/__cloud/auth/',
      '/__cloud/upload',
      '/__cloud/subscribe',
    ].some((s) => text.includes(s));
  });
  expect(leaks.map((f) => relative(CONSOLE, f))).toEqual([]);
});

test('when the production console is built, then the web SDK is its own chunk, fetched after the entry, and only there', () => {
  const sdkChunks = files(CONSOLE, /\.js$/).filter((f) => readFileSync(f, 'utf8').includes(SDK_MARK));
  expect(sdkChunks.length).toBeGreaterThan(0);
  const entry = entryScripts(CONSOLE);
  expect(entry.length).toBeGreaterThan(0);
  expect(sdkChunks.filter((f) => entry.includes(f))).toEqual([]);

  const sdk = sdkChunks.reduce((n, f) => n + gz(f), 0);
  const first = entry.reduce((n, f) => n + gz(f), 0);
  console.log(
    `h5 console: entry ${kb(first)} gzipped; the CloudBase web SDK adds ${kb(sdk)} gzipped ` +
      `(${sdkChunks.map((f) => `${relative(CONSOLE, f)} ${kb(statSync(f).size)}`).join(', ')}) on the first call`,
  );
  // ENGINEERING.md §7: the staff console's first load stays within 450 KB of gzipped script.
  expect(first + sdk).toBeLessThanOrEqual(450 * KB);

  for (const other of ['weapp', 'h5']) {
    const carrying = files(join(DIST, other), /\.js$/).filter((f) => readFileSync(f, 'utf8').includes(SDK_MARK));
    expect({ build: other, carrying }).toEqual({ build: other, carrying: [] });
  }
});
