import { defineConfig } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Browser journeys against the h5 build served by the emulator, with a fresh demo database. */
const port = Number(process.env.E2E_PORT ?? 8788);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'lxq-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  outputDir: join(__dirname, '..', '..', 'test-results', 'e2e-artifacts'),
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: join(__dirname, '..', '..', 'test-results', 'e2e.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npx tsx scripts/start.ts',
    cwd: join(__dirname, '..', '..'),
    url: `http://127.0.0.1:${port}/__cloud/health`,
    env: { PORT: String(port), DATA_DIR: dataDir, LXQ_SEED_SHIFT_NOW: '1' },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
  // The journeys share one demo database. The admin journey ends 白银's term (换届), after which
  // the city's members are members no more: it runs once every other journey is done.
  projects: [
    { name: 'journeys', testIgnore: /admin\.spec\.ts$/ },
    { name: 'term', testMatch: /admin\.spec\.ts$/, dependencies: ['journeys'] },
  ],
});
