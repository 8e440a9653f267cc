/**
 * ENGINEERING.md §7 budgets, measured on the build output (run after `npm run build`).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../../scripts/paths';

const dist = DIST;
const KB = 1024;

function size(dir: string, skip: (name: string) => boolean = () => false): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (skip(e.name) || e.name.endsWith('.map')) continue;
    const p = join(dir, e.name);
    total += e.isDirectory() ? size(p) : statSync(p).size;
  }
  return total;
}

/** Every file of the main package (outside the subpackage roots), largest first. */
function mainFiles(weapp: string, subpackages: string[]): { file: string; bytes: number }[] {
  const out: { file: string; bytes: number }[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if ((!rel && subpackages.includes(e.name)) || e.name.endsWith('.map')) continue;
      if (e.isDirectory()) walk(join(dir, e.name), r);
      else out.push({ file: r, bytes: statSync(join(dir, e.name)).size });
    }
  };
  walk(weapp, '');
  return out.sort((a, b) => b.bytes - a.bytes);
}

// The main package is ≤ 400 KB (ENGINEERING.md §7). What it holds: Taro's runtime (taro.js) ≈ 118 KB and
// Taro's templates (base.wxml) ≈ 61 KB whatever the pages are, then Preact, NutUI and the citizen pages.
// This ceiling only moves down; README 'Size' says what each part costs.
const MAIN_KB = 400;

test(`when the weapp is built, then the main package is ≤ ${MAIN_KB} KB and each subpackage ≤ 1 MB`, () => {
  const weapp = join(dist, 'weapp');
  expect(existsSync(join(weapp, 'app.json'))).toBe(true);
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
  const subpackages = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  expect(subpackages).toEqual(expect.arrayContaining(['member', 'staff']));
  const files = mainFiles(weapp, subpackages);
  const main = files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    [
      `weapp main package: ${(main / KB).toFixed(1)} KB (budget ${MAIN_KB} KB)`,
      ...files.map((f) => `  ${(f.bytes / KB).toFixed(1).padStart(6)} KB  ${f.file}`),
    ].join('\n'),
  );
  expect(main).toBeLessThanOrEqual(MAIN_KB * KB);
  for (const sub of subpackages) {
    const bytes = size(join(weapp, sub));
    console.log(`weapp subpackage ${sub}: ${(bytes / KB).toFixed(1)} KB`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(1024 * KB);
  }
});

// The h5 build: the stats its config writes beside it (client/config: which chunks a page loads).
interface StatsModule {
  identifier?: string;
  modules?: StatsModule[];
}
interface StatsChunk {
  id: number | string;
  files: string[];
  siblings: (number | string)[];
  modules?: StatsModule[];
}
interface H5Stats {
  chunks: StatsChunk[];
  namedChunkGroups: Record<string, { chunks: (number | string)[] }>;
}

function h5Stats(): H5Stats {
  const file = join(dist, 'h5.stats.json');
  expect(existsSync(file)).toBe(true);
  return JSON.parse(readFileSync(file, 'utf8')) as H5Stats;
}

/** The modules a chunk holds, those webpack concatenated into one counted each. */
function leaves(mods: StatsModule[] = []): StatsModule[] {
  return mods.flatMap((m) => (m.modules?.length ? leaves(m.modules) : [m]));
}

/** Gzipped bytes of the JavaScript a page loads before it shows: the entry, then its page's chunks. */
function firstLoad(stats: H5Stats, pageSource: string): { bytes: number; files: number } {
  const page = stats.chunks.find((c) =>
    leaves(c.modules).some((m) => (m.identifier ?? '').endsWith(`client/src/${pageSource}`)),
  );
  expect(page).toBeDefined();
  const ids = new Set([...stats.namedChunkGroups.app.chunks, page!.id, ...page!.siblings]);
  const files = stats.chunks.filter((c) => ids.has(c.id)).flatMap((c) => c.files.filter((f) => f.endsWith('.js')));
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, 'h5', f))).length, 0);
  return { bytes, files: files.length };
}

test('when the h5 is built, then the citizen home loads ≤ 250 KB of gzipped JavaScript first, the staff console ≤ 450 KB', () => {
  const stats = h5Stats();
  for (const [label, source, budget] of [
    ['citizen home (pages/index/index)', 'pages/index/index.tsx', 250],
    ['staff console (staff/concerns/index)', 'staff/concerns/index.tsx', 450],
  ] as const) {
    const { bytes, files } = firstLoad(stats, source);
    console.log(
      `h5 first load, ${label}: ${(bytes / KB).toFixed(1)} KB gzipped in ${files} files (budget ${budget} KB)`,
    );
    expect(bytes).toBeLessThanOrEqual(budget * KB);
  }
});

test('when the h5 is built, then no module is shipped in two chunks', () => {
  const stats = h5Stats();
  const chunksOf = new Map<string, (number | string)[]>();
  for (const chunk of stats.chunks) {
    for (const file of chunk.files) expect(existsSync(join(dist, 'h5', file))).toBe(true);
    for (const m of leaves(chunk.modules)) {
      if (!m.identifier) continue;
      chunksOf.set(m.identifier, [...(chunksOf.get(m.identifier) ?? []), chunk.id]);
    }
  }
  const twice = [...chunksOf].filter(([, ids]) => ids.length > 1).map(([id, ids]) => `${id} in ${ids.join(', ')}`);
  let js = 0;
  let gz = 0;
  for (const file of stats.chunks.flatMap((c) => c.files).filter((f) => f.endsWith('.js'))) {
    const bytes = readFileSync(join(dist, 'h5', file));
    js += bytes.length;
    gz += gzipSync(bytes).length;
  }
  console.log(
    `h5: ${stats.chunks.length} chunks, ${chunksOf.size} modules, JavaScript ${(js / KB).toFixed(0)} KB (${(gz / KB).toFixed(0)} KB gzipped)`,
  );
  expect(twice).toEqual([]);
});

test('when the functions are bundled, then each index.js is ≤ 300 KB with wx-server-sdk left out', () => {
  const root = join(dist, 'cloudfunctions');
  const names = readdirSync(root);
  expect(names.length).toBeGreaterThanOrEqual(3);
  for (const name of names) {
    const bundle = join(root, name, 'index.js');
    expect(statSync(bundle).size).toBeLessThanOrEqual(300 * KB);
    const pkg = require(join(root, name, 'package.json'));
    expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk']);
  }
});
