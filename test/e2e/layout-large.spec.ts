import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * 大字模式 measured on every citizen and member page at 390×844 and at 1280×800 (issue 13; the MIIT 适老化 figures
 * are in client/src/app.scss): text ≥ 18 px, tap targets ≥ 48 px high, nothing wider than the
 * screen. The normal-size layout check is test/e2e/layout.spec.ts.
 */
const CITIZEN = 'o_citizen_demo';
const MEMBER = 'o_member_03';
const PAGES: { who: string; path: string; ready: string }[] = [
  { who: CITIZEN, path: '/pages/index/index', ready: '委员工作站' },
  { who: CITIZEN, path: '/pages/workstation/index?id=ws-huishi', ready: '在此反映诉求' },
  { who: CITIZEN, path: '/pages/workstation/near', ready: '重新定位' },
  {
    who: CITIZEN,
    path: '/pages/concern/submit?workstationId=ws-huishi&name=%E4%BC%9A%E5%B8%88%E9%95%87%E5%A7%94%E5%91%98%E5%B7%A5%E4%BD%9C%E7%AB%99',
    ready: '诉求类别',
  },
  { who: CITIZEN, path: '/pages/concern/mine', ready: '我的诉求' },
  { who: CITIZEN, path: '/pages/concern/detail?id=concern-demo-01', ready: '办理过程' },
  { who: CITIZEN, path: '/pages/me/index', ready: '大字模式' },
  { who: CITIZEN, path: '/pages/privacy/index', ready: '隐私' },
  { who: MEMBER, path: '/member/home/index', ready: '履职' },
  { who: MEMBER, path: '/member/duty/index', ready: '即将值班' },
  { who: MEMBER, path: '/member/assigned/index', ready: '' },
  { who: MEMBER, path: '/member/inbox/index', ready: '' },
  { who: MEMBER, path: '/member/liaison/index', ready: '' },
  { who: MEMBER, path: '/member/liaison/log', ready: '保存联系记录' },
  { who: MEMBER, path: '/member/record/index', ready: '' },
];

/** What a finger aims at. */
const TARGETS = [
  'taro-button-core',
  '.link',
  '.nut-radio-button',
  '.county-chip',
  '.nut-cell-clickable',
  '.tabbar__item',
  '.nut-input',
  '.nut-switch',
  '.today-figure',
  '.voice__button',
].join(',');

async function measure(page: Page) {
  return page.evaluate((targets) => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const inPage = (el: Element) => !!el.closest('.page--large') && !el.closest('.idsw');
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${(el.textContent ?? '').trim().slice(0, 16)}"`;
    const small: string[] = [];
    for (const el of Array.from(document.querySelectorAll(targets))) {
      if (!visible(el) || !inPage(el)) continue;
      const h = el.getBoundingClientRect().height;
      if (h < 47.5) small.push(`${name(el)} ${h.toFixed(1)}px`);
    }
    const tinyText: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || !visible(el) || !inPage(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 17.5) tinyText.push(`${name(el)} ${size}px`);
    }
    return {
      small: [...new Set(small)],
      tinyText: [...new Set(tinyText)],
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      large: !!document.querySelector('.page--large'),
    };
  }, TARGETS);
}

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
])
  test(`when 大字模式 is on at ${size.width}×${size.height}, then every citizen and member page has text ≥ 18 px, targets ≥ 48 px and fits the width`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize(size);
    page.on('dialog', (d) => void d.accept());
    const problems: string[] = [];
    let who = '';
    for (const p of PAGES) {
      if (p.who !== who) {
        who = p.who;
        // A page of the same origin that is not the app: the app starts at the next goto, once.
        await page.goto('/__cloud/health');
        await page.evaluate((id) => {
          localStorage.clear();
          localStorage.setItem('lxq_openid', id);
          // Taro's h5 storage keeps { data } as JSON; the switch on 我的 writes the same.
          localStorage.setItem('lxq_text_size', JSON.stringify({ data: 'large' }));
        }, who);
        // The app reads who it is and the text size when it starts: it starts as this person below.
      }
      await page.goto(`/#${p.path}`);
      if (p.ready)
        await expect(page.getByText(p.ready).filter({ visible: true }).first()).toBeVisible({ timeout: 20_000 });
      else await page.waitForTimeout(1500);
      // Past the page's slide-in, when the old and the new page stand side by side.
      await page.waitForTimeout(800);
      const m = await measure(page);
      const slug = `${size.width}-${p.path.replace(/[/?=&%]+/g, '-').slice(1, 60)}`;
      await page.screenshot({ path: join(__dirname, '..', '..', 'test-results', `large-${slug}.png`), fullPage: true });
      if (!m.large) problems.push(`${p.path}: not in 大字模式`);
      if (m.overflow > 1) problems.push(`${p.path}: ${m.overflow}px wider than the screen`);
      for (const s of m.small) problems.push(`${p.path}: target ${s}`);
      for (const t of m.tinyText) problems.push(`${p.path}: text ${t}`);
    }
    expect(problems).toEqual([]);
  });
