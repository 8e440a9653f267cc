/**
 * ENGINEERING.md §7 budgets, measured on the build output (run after `npm run build`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

const SUBPACKAGES = ['member', 'staff'];

test('when the weapp is built, then the main package is ≤ 800 KB and each subpackage ≤ 1 MB', () => {
  const weapp = join(dist, 'weapp');
  expect(existsSync(join(weapp, 'app.json'))).toBe(true);
  const main = size(weapp, (n) => SUBPACKAGES.includes(n));
  console.log(`weapp main package: ${(main / KB).toFixed(1)} KB`);
  expect(main).toBeLessThanOrEqual(800 * KB);
  for (const sub of SUBPACKAGES) {
    const bytes = size(join(weapp, sub));
    console.log(`weapp subpackage ${sub}: ${(bytes / KB).toFixed(1)} KB`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(1024 * KB);
  }
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
