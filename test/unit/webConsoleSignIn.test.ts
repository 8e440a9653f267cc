/**
 * The production console (`npm run build:console`) opened in a browser with no web session: the
 * site root and a staff page both land on the sign-in page; the privacy notice stays readable.
 * Served from its build output as static hosting would, at 1280×800 and 390×844.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { DIST } from '../../scripts/paths';

const CONSOLE = join(DIST, 'h5-console');
/** The sign-in page's route ends in /login (LOGIN_PAGE in client/src/services/webLogin.ts). */
const AT_LOGIN = /^#\/.*\/login(\?|$)/;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const CHROMIUM = '/usr/bin/chromium';

let server: Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  expect(existsSync(join(CONSOLE, 'index.html'))).toBe(true);
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const file = join(CONSOLE, path === '/' ? 'index.html' : path);
    if (!file.startsWith(CONSOLE) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

async function open(path: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(base + path);
  return { page, done: () => context.close() };
}

describe.each([
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
])('production console at $width×$height, no web session', (viewport) => {
  it.each(['/', '/#/pages/index/index', '/#/staff/concerns/index', '/#/staff/notices/detail?id=n1'])(
    'when %s opens, then the sign-in page is shown instead of the citizen view',
    async (path) => {
      const { page, done } = await open(path, viewport);
      await page.waitForURL((u) => AT_LOGIN.test(u.hash), { timeout: 15_000 });
      await page.getByText('电脑端工作台').first().waitFor({ timeout: 15_000 });
      expect(await page.getByText('委员联系界别群众').count()).toBe(0);
      await done();
    },
  );

  it('when a staff page opens, then the sign-in page keeps it to return to once signed in', async () => {
    const { page, done } = await open('/#/staff/notices/detail?id=n1', viewport);
    await page.waitForURL((u) => AT_LOGIN.test(u.hash), { timeout: 15_000 });
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain('next=/staff/notices/detail?id=n1');
    await done();
  });

  it('when the privacy notice opens, then it is shown (it is for anyone)', async () => {
    const { page, done } = await open('/#/pages/privacy/index', viewport);
    await page.getByText('连心桥隐私说明').first().waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).hash).toBe('#/pages/privacy/index');
    await done();
  });
});
