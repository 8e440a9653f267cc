/**
 * Every page of the weapp build renders for a member who is also staff. Pages whose data the fake
 * cloud does not know show their error state; none may render blank or print undefined/NaN.
 * Feature tests beside this one check what each page shows in detail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handlersFor, staffMe } from './helpers/fixtures';
import { bootApp, renderPage, settle, WEAPP_ROOT } from './helpers/simulate';

const app = JSON.parse(readFileSync(join(WEAPP_ROOT, 'app.json'), 'utf8')) as {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
};
const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];

beforeAll(() => bootApp(handlersFor({ ...staffMe, roles: ['citizen', 'member', 'staff'] })));

test('when the build is read, then it has the public pages and both subpackages', () => {
  expect(pages).toContain('pages/index/index');
  expect(pages.some((p) => p.startsWith('member/'))).toBe(true);
  expect(pages.some((p) => p.startsWith('staff/'))).toBe(true);
});

test.each(pages)('when %s opens, then it shows something and nothing undefined', async (route) => {
  const page = await renderPage(route, { id: 'x1', code: 'ABCDEFGH', workstationId: 'ws_1' });
  await settle(10);
  const text = page.text().replace(/\s+/g, '');
  expect(text.length).toBeGreaterThan(0);
  expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
  page.unmount();
});
