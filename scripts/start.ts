/**
 * `npm start`: builds what is missing, starts the local WeChat-cloud emulator on PORT (8787) with
 * the h5 app, the functions and a durable database under DATA_DIR (.data/), and loads the demo
 * into an empty database; /__cloud/health says ready only after that. The functions are rebuilt
 * into a fresh folder and swapped in, so a second `npm start` never empties the folder a running
 * emulator serves from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator } from '../emulator';
import { COLLECTIONS } from '../cloudfunctions/shared/collections';
import { buildFunctions } from './build-functions';
import { seed } from './seed';
import { DIST } from './paths';
import { sdkEnvironment } from '../emulator/sdkEnv';

const root = join(__dirname, '..');

function stop(line: string): never {
  console.error(line);
  process.exit(1);
}

function ensureWritable(dir: string) {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.write-test-${process.pid}`);
    writeFileSync(probe, 'ok');
    unlinkSync(probe);
  } catch (err) {
    stop(
      `无法写入数据目录 ${dir}（${(err as NodeJS.ErrnoException).code ?? '未知错误'}）：请检查权限，或用 DATA_DIR 指定一个可写的目录。`,
    );
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureH5Build() {
  const index = join(DIST, 'h5', 'index.html');
  const sources = Math.max(newestMtime(join(root, 'client', 'src')), newestMtime(join(root, 'types')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('正在构建网页版（h5），首次约需一两分钟……');
  const res = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) stop('网页版构建失败，请查看上面的错误信息。');
}

async function main() {
  const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
  const port = Number(process.env.PORT ?? 8787);
  ensureWritable(dataDir);
  await buildFunctions();
  ensureH5Build();

  const emulator = await startEmulator({
    port,
    dataDir,
    functionsDir: join(DIST, 'cloudfunctions'),
    collections: COLLECTIONS,
    staticDir: join(DIST, 'h5'),
    timers: true,
    // health says ready only once the demo data is there (below)
    ready: false,
  });
  Object.assign(process.env, sdkEnvironment(emulator.adminUrl));

  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const { total } = await cloud.database().collection('org_units').count();
  if (total === 0) {
    // The browser journeys ask for a shift running now, whatever the hour (test/e2e/playwright.config.ts).
    const { documents } = await seed(dataDir, { shiftRunningNow: process.env.LXQ_SEED_SHIFT_NOW === '1' });
    console.log(`空数据目录，已载入演示数据（${documents} 条）。`);
  }
  emulator.markReady();
  console.log(`连心桥已启动：http://localhost:${emulator.port}  （数据目录 ${dataDir}）`);
  const shutdown = () => emulator.stop().finally(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => stop(`启动失败：${err instanceof Error ? err.message : String(err)}`));
