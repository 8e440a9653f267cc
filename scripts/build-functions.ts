/**
 * Bundles each cloud function into dist/cloudfunctions/<name>/ as WeChat Cloud deploys it:
 * one self-contained index.js (shared code and types/ inlined, wx-server-sdk external), a
 * package.json naming wx-server-sdk, and the function's config.json. Also writes
 * dist/collections.json, the collection declaration the emulator and deploy script read.
 */
import { build } from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/shared/collections';
import { DIST, ROOT } from './paths';

const root = ROOT;
const src = join(root, 'cloudfunctions');
const out = join(DIST, 'cloudfunctions');
const sdkVersion: string = require('wx-server-sdk/package.json').version;

export function functionNames(): string[] {
  return readdirSync(src).filter((n) => n !== 'shared' && existsSync(join(src, n, 'index.ts')));
}

export async function buildFunctions(): Promise<{ name: string; bytes: number }[]> {
  rmSync(out, { recursive: true, force: true });
  const sizes: { name: string; bytes: number }[] = [];
  for (const name of functionNames()) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(src, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      external: ['wx-server-sdk'],
      tsconfig: join(root, 'tsconfig.json'),
      // Prefer ES modules so unused parts of libraries (zod's other locales) are left out.
      mainFields: ['module', 'main'],
      conditions: ['import', 'module'],
      logLevel: 'warning',
    });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        { name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': `~${sdkVersion}` } },
        null,
        2,
      ),
    );
    copyFileSync(join(src, name, 'config.json'), join(dir, 'config.json'));
    sizes.push({ name, bytes: statSync(join(dir, 'index.js')).size });
  }
  writeFileSync(join(DIST, 'collections.json'), JSON.stringify(COLLECTIONS, null, 2));
  // Bundles keep wx-server-sdk external; an output folder outside the repository (LXQ_DIST_DIR)
  // gets a link to the repository's node_modules so the emulator's workers can require it.
  const modules = join(DIST, 'node_modules');
  if (!DIST.startsWith(root + sep) && !existsSync(modules)) symlinkSync(join(root, 'node_modules'), modules, 'dir');
  return sizes;
}

if (require.main === module) {
  const started = Date.now();
  buildFunctions().then(
    (sizes) => {
      for (const s of sizes) console.log(`  ${s.name.padEnd(12)} ${(s.bytes / 1024).toFixed(1)} KB`);
      console.log(`云函数已打包到 dist/cloudfunctions（${Date.now() - started} ms）`);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
