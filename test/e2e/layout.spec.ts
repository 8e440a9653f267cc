import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every page of app.config.ts, at a phone (390×844) and a PC (1280×800), opened as someone who may
 * see it: fails on horizontal overflow, interactive controls overlapping each other, and images
 * clipped by a box that hides overflow (the invitation QR cut in half). Screenshots of every page
 * are kept under test-results/layout/.
 */
const config = readFileSync(join(__dirname, '..', '..', 'client', 'src', 'app.config.ts'), 'utf8');
const main = /pages:\s*\[([^\]]*)\]/.exec(config)![1];
const quoted = (s: string) => [...s.matchAll(/'([^']+)'/g)].map((m) => m[1]);
const PAGES = [
  ...quoted(main),
  ...[...config.matchAll(/root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g)].flatMap((m) =>
    quoted(m[2]).map((p) => `${m[1]}/${p}`),
  ),
];

/** Query strings that give a page something to show on the demo data. */
const QUERY: Record<string, string> = {
  'pages/concern/detail': 'id=concern-demo-01',
  'pages/workstation/index': 'id=ws-huishi',
  'pages/concern/submit': 'workstationId=ws-huishi&name=会师镇委员工作站',
  'account/invite': 'code=DEMOWY26',
  'member/assigned/detail': 'id=concern-demo-04',
  'staff/concerns/detail': 'id=concern-demo-03',
  'staff/notices/detail': 'id=notice-demo-1',
  'member/report/detail': 'id=report-demo-3',
  'member/report/edit': 'id=report-demo-3',
  'staff/report/detail': 'id=report-demo-5',
  'staff/report/edit': 'id=report-demo-5',
  'staff/workstations/edit': 'id=ws-huishi',
  'staff/workstations/qr': 'id=ws-huishi',
  'staff/workstations/tablet': 'id=ws-huishi',
  'staff/topic/detail': 'id=topic-demo-1',
  'public/topic': 'id=topic-demo-1',
  'public/call': 'id=call-demo-1',
};

/** Who opens it: citizens the main package, a member theirs, city staff the console, the admin 系统管理. */
const who = (path: string) =>
  path.startsWith('staff/admin/')
    ? 'o_admin_baiyin'
    : path.startsWith('staff/')
      ? 'o_staff_baiyin'
      : path.startsWith('member/report/')
        ? 'o_member_34' // the author of report-demo-3 (scripts/seed/reports.ts)
        : path.startsWith('member/')
          ? 'o_member_02'
          : 'o_citizen_demo';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'pc', width: 1280, height: 800 },
];

const out = join(__dirname, '..', '..', 'test-results', 'layout');
mkdirSync(out, { recursive: true });

interface Finding {
  overflow: number;
  overlaps: string[];
  clipped: string[];
}

/** Runs in the page: what a person would see as broken. */
function inspect(): Finding {
  const vw = document.documentElement.clientWidth;
  const overflow = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - vw;
  // checkVisibility also rules out what a closed <details> or a faded layer keeps laid out unseen.
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return (
      r.width > 1 &&
      r.height > 1 &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })
    );
  };
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/)[0]}` : ''}「${(el.textContent ?? '').trim().slice(0, 12)}」`;
  // Controls: what can be clicked or typed into. Taro's own tags stand for the native ones.
  const controls = Array.from(
    document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=tab], [role=link], taro-button-core, taro-input-core, taro-textarea-core, .idsw__fab',
    ),
  ).filter(visible);
  // Inside a control, its parts are one control; hidden layers (a closed sheet) do not count.
  const outer = controls.filter((el) => !controls.some((o) => o !== el && o.contains(el)));
  // A fixed or sticky bar and the content scrolling under it never meet for good (the page leaves
  // room for the bar); the 切换身份 handle stays at the left edge, so any control it shares a
  // column with is covered at some scroll position.
  const layer = (el: Element): Element | null => {
    for (let p: Element | null = el; p; p = p.parentElement) {
      if (/fixed|sticky/.test(getComputedStyle(p).position)) return p;
    }
    return null;
  };
  const overlaps: string[] = [];
  for (let i = 0; i < outer.length; i++) {
    for (let j = i + 1; j < outer.length; j++) {
      const a = outer[i].getBoundingClientRect();
      const b = outer[j].getBoundingClientRect();
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      const la = layer(outer[i]);
      const lb = layer(outer[j]);
      const handle = outer[i].matches('.idsw__fab') || outer[j].matches('.idsw__fab');
      // A few pixels of touching borders are not an overlap a person would notice.
      const fixedBoth = la !== null && lb !== null;
      const clash = la === lb || fixedBoth ? w > 4 && h > 4 : handle && w > 4;
      if (clash) overlaps.push(`${name(outer[i])} × ${name(outer[j])}`);
    }
  }
  const clipped: string[] = [];
  for (const img of Array.from(document.querySelectorAll('img, canvas, svg, taro-image-core, taro-canvas-core'))) {
    if (!visible(img) || img.parentElement?.closest('svg')) continue;
    const r = img.getBoundingClientRect();
    // Only a box that hides what sticks out cuts an image, and only along that axis (a page that
    // scrolls vertically but hides horizontal overflow does not cut a tall poster).
    for (let p = img.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      const hidesX = /hidden|clip/.test(s.overflowX);
      const hidesY = /hidden|clip/.test(s.overflowY);
      if (!hidesX && !hidesY) continue;
      const c = p.getBoundingClientRect();
      const cut = Math.max(
        hidesX ? Math.max(c.left - r.left, r.right - c.right) : 0,
        hidesY ? Math.max(c.top - r.top, r.bottom - c.bottom) : 0,
      );
      if (cut > 2) {
        clipped.push(
          `${name(img)} ${Math.round(r.width)}×${Math.round(r.height)} cut ${Math.round(cut)}px by ${name(p)}`,
        );
      }
      break;
    }
  }
  return { overflow, overlaps, clipped };
}

async function open(page: Page, path: string) {
  const query = QUERY[path];
  await page.goto(`/#/${path}${query ? `?${query}` : ''}`);
  // Pages load their data after the first paint: wait for the calls to settle.
  await page.waitForLoadState('networkidle');
  await settled(page);
}

/**
 * Past the page's own motion, rather than a fixed pause: every animation and transition that ends
 * has ended (a spinner's never does), the fonts are in, and two frames have been laid out since.
 */
async function settled(page: Page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    for (let round = 0; round < 20; round++) {
      await frame();
      const ending = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
      if (!ending.length) break;
      await Promise.allSettled(ending.map((a) => a.finished));
    }
    await document.fonts.ready;
    await frame();
    await frame();
  });
}

for (const size of SIZES) {
  test.describe(`layout at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    for (const path of PAGES) {
      test(`when ${path} opens, then nothing overflows, overlaps or is clipped`, async ({ page }) => {
        await page.addInitScript((openid) => localStorage.setItem('lxq_openid', openid), who(path));
        await open(page, path);
        const found = await page.evaluate(inspect);
        await page.screenshot({ path: join(out, `${size.name}-${path.replace(/\//g, '-')}.png`) });
        expect.soft(found.overflow, 'horizontal overflow (px)').toBeLessThanOrEqual(1);
        expect.soft(found.overlaps, 'overlapping controls').toEqual([]);
        expect(found.clipped, 'clipped images').toEqual([]);
      });
    }
  });
}

for (const size of SIZES) {
  test(`when staff create an invitation at ${size.width}×${size.height}, then 管理员 is not offered, 界别 must be chosen, and the QR is whole with its code and copy button on screen`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.addInitScript(() => localStorage.setItem('lxq_openid', 'o_staff_baiyin'));
    await open(page, 'staff/invitations/index');
    await page.locator('input[placeholder="与本人身份证一致"]').filter({ visible: true }).fill('版面测试');
    // A staff member is not offered 管理员; a member's 界别 must be chosen, never taken by default.
    await expect(page.locator('.nut-radio').filter({ hasText: '管理员' }).filter({ visible: true })).toHaveCount(0);
    await page.locator('taro-button-core').filter({ hasText: '生成邀请码' }).filter({ visible: true }).click();
    await expect(page.locator('.field__error', { hasText: '请选择界别' }).filter({ visible: true })).toBeVisible();
    await page.locator('.nut-radio').filter({ hasText: '工作人员' }).filter({ visible: true }).click();
    await page.locator('taro-button-core').filter({ hasText: '生成邀请码' }).filter({ visible: true }).click();
    const code = page.locator('.inv-created__code').filter({ visible: true });
    await expect(code).toBeVisible();
    await page.waitForTimeout(400);
    const found = await page.evaluate(inspect);
    await page.screenshot({ path: join(out, `${size.name}-invitation-created.png`) });
    expect(found.clipped, 'clipped images').toEqual([]);
    // The code and its copy button are above the fold, not below the form.
    const box = await page
      .locator('taro-button-core')
      .filter({ hasText: '复制邀请码' })
      .filter({ visible: true })
      .boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
  });
}

test('when the layout check meets a clipped QR and overlapping buttons, then it reports both', async ({ page }) => {
  await page.setContent(
    `<div style="width:200px;height:100px;overflow:hidden"><canvas width="300" height="300" style="width:300px;height:300px"></canvas></div>
     <button style="position:absolute;left:10px;top:150px;width:100px;height:40px">一</button>
     <button style="position:absolute;left:40px;top:160px;width:100px;height:40px">二</button>
     <div style="width:2000px;height:10px"></div>`,
  );
  const found = await page.evaluate(inspect);
  expect(found.overflow).toBeGreaterThan(1);
  expect(found.overlaps).toHaveLength(1);
  expect(found.clipped).toHaveLength(1);
});
