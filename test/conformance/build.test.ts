/**
 * scripts/build-functions.ts rebuilds the function bundles while an emulator may be serving from
 * them (a second `npm start` in the same checkout): the folder is swapped in when complete, never
 * emptied first.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(300_000);

let dist: string;

beforeAll(() => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'lxq-dist-'));
  process.env.LXQ_DIST_DIR = dist;
});

afterAll(() => {
  delete process.env.LXQ_DIST_DIR;
  rmSync(dist, { recursive: true, force: true });
});

test('when the functions are rebuilt, then the served folder is never missing and no build folder is left behind', async () => {
  // required here: the output folder is read from LXQ_DIST_DIR when the module loads
  const { buildFunctions } = require('../../scripts/build-functions') as typeof import('../../scripts/build-functions');
  await buildFunctions();
  const served = path.join(dist, 'cloudfunctions', 'account', 'index.js');
  expect(existsSync(served)).toBe(true);

  let looks = 0;
  let missing = 0;
  const watch = setInterval(() => {
    looks++;
    if (!existsSync(served)) missing++;
  }, 1);
  try {
    await buildFunctions();
  } finally {
    clearInterval(watch);
  }
  expect(looks).toBeGreaterThan(10);
  expect(missing).toBe(0);
  expect(existsSync(served)).toBe(true);
  expect(readdirSync(dist).filter((n) => n.includes('.next-') || n.includes('.old-'))).toEqual([]);
});
