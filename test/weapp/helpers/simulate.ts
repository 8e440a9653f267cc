/**
 * Loads pages of the weapp build (dist/weapp) into miniprogram-simulate.
 *
 * miniprogram-simulate simulates custom components (j-component + the official wcc compiler),
 * not pages or the app. Taro's output is: app.js → App(createReactApp(...)); each page js →
 * Page(createPageConfig(...)); every page's wxml imports base.wxml, whose recursive templates
 * render Taro's virtual DOM from `data.root`, with `comp` (a custom component) for deep trees.
 * So this helper:
 *   1. gives node a DOM (jsdom) for j-component to render into,
 *   2. stubs the wx APIs Taro touches, with wx.cloud.callFunction answered by canned handlers,
 *   3. captures App(...) and runs its onLaunch/onShow,
 *   4. defines Page as a shim that registers the page config as a j-component Component whose
 *      `attached` runs onLoad/onShow and `ready` runs onReady,
 *   5. loads the page with simulate.load (official compiler, rootPath dist/weapp) and attaches it.
 * The page then renders through Taro's own setData into the real base.wxml templates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from '../../../scripts/paths';

export const WEAPP_ROOT = path.join(DIST, 'weapp');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const g = globalThis as Any;

export type Handler = (input: Any, ctx: { name: string; action: string; requestId?: string }) => unknown;
export type Handlers = Record<string, Handler>;

export interface CloudCall {
  name: string;
  action: string;
  input: Any;
  requestId?: string;
}

const state: {
  handlers: Handlers;
  calls: CloudCall[];
  app: Any;
  booted: boolean;
  pageStack: Any[];
  pending: { route: string; query: Record<string, string> } | null;
} = { handlers: {}, calls: [], app: null, booted: false, pageStack: [], pending: null };

let simulate: Any;

function installDom(): void {
  if (g.window && g.document) return;

  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'https://servicewechat.com/app/',
    pretendToBeVisual: true,
  });
  g.window = dom.window;
  g.document = dom.window.document;
  for (const key of Object.getOwnPropertyNames(dom.window)) {
    if (key in g) continue;
    try {
      g[key] = dom.window[key];
    } catch {
      /* read-only */
    }
  }
}

function ok(data: unknown) {
  return { result: { ok: true, data } };
}

function installWx(): void {
  const wx = g.wx;
  const noop = () => undefined;
  const asyncOk =
    (extra: Any = {}) =>
    (opts: Any = {}) => {
      const res = { errMsg: 'ok', ...extra };
      opts.success?.(res);
      opts.complete?.(res);
      return Promise.resolve(res);
    };
  const systemInfo = {
    brand: 'devtools',
    model: 'iPhone 12',
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 844,
    statusBarHeight: 47,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 17',
    platform: 'devtools',
    SDKVersion: '3.5.0',
    safeArea: { top: 47, bottom: 810, left: 0, right: 390, width: 390, height: 763 },
  };
  Object.assign(wx, {
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: asyncOk(systemInfo),
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getMenuButtonBoundingClientRect: () => ({ top: 51, bottom: 83, left: 281, right: 368, width: 87, height: 32 }),
    stopPullDownRefresh: asyncOk(),
    startPullDownRefresh: asyncOk(),
    pageScrollTo: asyncOk(),
    showToast: asyncOk(),
    hideToast: asyncOk(),
    showLoading: asyncOk(),
    hideLoading: asyncOk(),
    showModal: asyncOk({ confirm: true, cancel: false }),
    navigateTo: asyncOk(),
    redirectTo: asyncOk(),
    reLaunch: asyncOk(),
    switchTab: asyncOk(),
    navigateBack: asyncOk(),
    setNavigationBarTitle: asyncOk(),
    getStorageSync: () => '',
    setStorageSync: noop,
    removeStorageSync: noop,
    onAppRoute: noop,
    onAppShow: noop,
    onAppHide: noop,
    offAppShow: noop,
    offAppHide: noop,
    onWindowResize: noop,
    offWindowResize: noop,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    canIUse: () => true,
    // Layout does not exist here: every measured node is a zero rect (NutUI Tabs measures titles).
    createSelectorQuery: () => fakeSelectorQuery(),
    createIntersectionObserver: () => ({
      relativeToViewport: () => ({ observe: noop }),
      observe: noop,
      disconnect: noop,
    }),
    cloud: {
      init: noop,
      callFunction(opts: Any) {
        const { name, data = {} } = opts;
        const key = `${name}.${data.action}`;
        state.calls.push({ name, action: data.action, input: data.input, requestId: data.requestId });
        const handler = state.handlers[key];
        const res = handler
          ? ok(handler(data.input, { name, action: data.action, requestId: data.requestId }))
          : { result: { ok: false, error: { code: 'NOT_FOUND', message: `no fake for ${key}` } } };
        const p = new Promise((resolve) => setTimeout(() => resolve(res), 0));
        if (opts.success) void p.then(opts.success);
        return p;
      },
    },
  });
}

function fakeSelectorQuery(): Any {
  const results: Any[] = [];
  const rect = { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0, scrollLeft: 0, scrollTop: 0 };
  const query: Any = {
    in: () => query,
    select: () => nodeRef(false),
    selectAll: () => nodeRef(true),
    selectViewport: () => nodeRef(false),
    exec(cb?: (r: Any[]) => void) {
      setTimeout(() => cb?.(results), 0);
      return query;
    },
  };
  function nodeRef(all: boolean): Any {
    const push = (cb?: (r: Any) => void) => {
      const value = all ? [] : { ...rect };
      results.push(value);
      if (cb) setTimeout(() => cb(value), 0);
      return query;
    };
    return {
      boundingClientRect: push,
      scrollOffset: push,
      fields: (_f: Any, cb?: (r: Any) => void) => push(cb),
      node: push,
      context: push,
    };
  }
  return query;
}

function installAppAndPage(): void {
  g.App = (config: Any) => {
    state.app = config;
  };
  g.getApp = () => state.app;
  g.getCurrentPages = () => state.pageStack;
  g.Page = (options: Any) => {
    const methods: Record<string, Any> = {};
    for (const key of Object.keys(options)) {
      if (typeof options[key] === 'function') methods[key] = options[key];
    }
    g.Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Any) {
          const pending = state.pending;
          const route = pending?.route ?? '';
          this.route = route;
          this.__route__ = route;
          this.options = pending?.query ?? {};
          state.pageStack.push(this);
          options.onLoad?.call(this, { ...(pending?.query ?? {}) });
          options.onShow?.call(this);
        },
        ready(this: Any) {
          options.onReady?.call(this);
        },
        detached(this: Any) {
          options.onUnload?.call(this);
          state.pageStack = state.pageStack.filter((p) => p !== this);
        },
      },
    });
  };
}

/** Load miniprogram-simulate, the stubs and dist/weapp/app.js (with its runtime chunks) once per test file. */
export function bootApp(handlers: Handlers = {}): void {
  state.handlers = handlers;
  if (state.booted) return;
  if (!fs.existsSync(path.join(WEAPP_ROOT, 'app.js'))) {
    throw new Error(`${WEAPP_ROOT}/app.js is missing: run "npm run build:weapp" first`);
  }
  installDom();

  simulate = require('miniprogram-simulate');
  installWx();
  installAppAndPage();
  // app.js requires ./common, ./vendors, ./taro and ./runtime itself, then calls App(...).

  require(path.join(WEAPP_ROOT, 'app.js'));
  if (!state.app) throw new Error('dist/weapp/app.js did not call App()');
  state.app.onLaunch?.({ path: 'pages/index/index', query: {}, scene: 1001 });
  state.app.onShow?.({ path: 'pages/index/index', query: {}, scene: 1001 });
  state.booted = true;
}

export function setHandlers(handlers: Handlers): void {
  state.handlers = handlers;
}

export function cloudCalls(): CloudCall[] {
  return state.calls;
}

const loadedPages = new Map<string, string>();

export interface RenderedPage {
  comp: Any;
  text: () => string;
  /** The Taro virtual DOM data the page pushed with setData (root.cn…). */
  data: () => Any;
  unmount: () => void;
}

/** Render one page of dist/weapp, e.g. renderPage('pages/index/index', {id: 'w1'}). */
export async function renderPage(route: string, query: Record<string, string> = {}): Promise<RenderedPage> {
  if (!state.booted) bootApp(state.handlers);
  state.pending = { route, query };
  // A page's js registers once (the module system caches it), so a second render of the same
  // route reuses the registered definition, as WeChat does when a page is opened again.
  let id = loadedPages.get(route);
  if (!id) {
    id = simulate.load(path.join(WEAPP_ROOT, route), 'page', { rootPath: WEAPP_ROOT, compiler: 'official' }) as string;
    loadedPages.set(route, id);
  }
  const comp = simulate.render(id);
  const parent = g.document.createElement('parent-wrapper');
  g.document.body.appendChild(parent);
  comp.attach(parent);
  state.pending = null;
  await settle();
  return {
    comp,
    text: () => normalise(comp.dom.textContent ?? ''),
    data: () => comp.data,
    unmount: () => comp.detach(),
  };
}

/** Let fake cloud answers, React commits and Taro's batched setData all land. */
export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function waitForText(page: RenderedPage, needle: string, timeoutMs = 2000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let text = page.text();
  while (!text.includes(needle) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 10));
    text = page.text();
  }
  return text;
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Tap the element that shows `label`: the innermost element whose text is exactly it; Taro
 * finds the node by its sid and bubbles the tap through its DOM to the React onClick.
 */
export async function tapText(page: RenderedPage, label: string): Promise<void> {
  const all = Array.from(page.comp.dom.querySelectorAll('*')) as Any[];
  const found = all.reverse().find((el) => (el.textContent ?? '').trim() === label);
  if (!found) throw new Error(`nothing shows "${label}"`);
  // WeChat bubbles a tap from the touched element to every ancestor with a bindtap; Taro binds
  // only nodes that have listeners, so calling the page's `eh` (Taro's event entry point) for
  // each ancestor with a sid, innermost first, is what the platform does. (j-component's own
  // dispatchEvent does not reach bindtap inside Taro's imported templates.)
  const sidOf = (node: Any): string | null => (node?.getAttribute ? node.getAttribute('data-sid') : null);
  let el: Any = found;
  while (el && !sidOf(el)) el = el.parentNode;
  if (!el) throw new Error(`"${label}" has no Taro node`);
  const target = { id: sidOf(el), dataset: { sid: sidOf(el) } };
  for (let node: Any = el; node && node !== page.comp.dom; node = node.parentNode) {
    const sid = sidOf(node);
    if (!sid) continue;
    const currentTarget = { id: sid, dataset: { sid } };
    page.comp.instance.eh({
      type: 'tap',
      timeStamp: Date.now(),
      target,
      currentTarget,
      detail: { x: 0, y: 0 },
      touches: [],
      changedTouches: [],
    });
  }
  await settle();
}
