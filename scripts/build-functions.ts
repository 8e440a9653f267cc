/**
 * Bundles each cloud function into dist/cloudfunctions/<name>/ as WeChat Cloud deploys it:
 * one self-contained index.js (shared code and types/ inlined, wx-server-sdk external), a
 * package.json naming wx-server-sdk, and the function's config.json. Also writes
 * dist/collections.json, the collection declaration the emulator and deploy script read.
 * The bundles are built in a fresh folder and swapped in by rename when complete, so an emulator
 * running from dist/cloudfunctions (a first `npm start`) never finds it empty or half-written.
 */
import { build, type Plugin } from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
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

/**
 * Replace `out` by `next`: two renames, so it is missing only between them (the old build is
 * removed after). Another build swapping at the same moment makes the second rename find `out`
 * again; then the swap is simply done once more.
 */
function swapIn(next: string): void {
  for (let attempt = 0; ; attempt++) {
    const old = `${out}.old-${process.pid}-${Date.now()}-${attempt}`;
    if (existsSync(out)) renameSync(out, old);
    try {
      renameSync(next, out);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw e;
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  }
}

export async function buildFunctions(): Promise<{ name: string; bytes: number }[]> {
  const next = `${out}.next-${process.pid}-${Date.now()}`;
  rmSync(next, { recursive: true, force: true });
  try {
    const sizes = await buildInto(next);
    swapIn(next);
    return sizes;
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
}

const TYPES = join(root, 'types') + sep;
const ACTIONS_TABLE = join(root, 'types', 'actions', 'index.ts');

/**
 * A function validates only its own actions: in its bundle the contract's table of every action
 * (types/actions/index.ts) keeps the `<function>.*` rows, and the modules of types/ none of its
 * code uses are left out (they declare schemas and constants, nothing with a side effect). Without
 * this every function carried every domain's schemas, and each new domain weighed on all of them.
 */
function ownActions(fn: string): Plugin {
  return {
    name: 'own-actions',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'own-actions' || args.kind === 'entry-point') return undefined;
        const r = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'own-actions',
        });
        if (r.errors.length || !r.path.startsWith(TYPES)) return undefined;
        return { path: r.path, sideEffects: false };
      });
      b.onLoad({ filter: /types[/\\]actions[/\\]index\.ts$/ }, (args) => {
        if (args.path !== ACTIONS_TABLE) return undefined;
        const own = readFileSync(args.path, 'utf8')
          .split('\n')
          .filter((line) => {
            const row = /^\s*'([A-Za-z]+)\.[A-Za-z]+':/.exec(line);
            return !row || row[1] === fn;
          })
          .join('\n');
        return { contents: own, loader: 'ts' };
      });
    },
  };
}

async function buildInto(target: string): Promise<{ name: string; bytes: number }[]> {
  const sizes: { name: string; bytes: number }[] = [];
  for (const name of functionNames()) {
    const dir = join(target, name);
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
      plugins: [ownActions(name)],
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
  const collections = join(DIST, 'collections.json');
  writeFileSync(`${collections}.${process.pid}.tmp`, JSON.stringify(COLLECTIONS, null, 2));
  renameSync(`${collections}.${process.pid}.tmp`, collections);
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
