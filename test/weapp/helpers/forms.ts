/**
 * Filling forms in a rendered weapp page: typing into the field with a given label, and making
 * the fake cloud refuse an action once, as the server would.
 */
import { settle, type RenderedPage } from './simulate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** Calls Taro's event entry point on the node with this sid, as WeChat does for a bound event. */
function fire(page: RenderedPage, sid: string, type: string, detail: Any) {
  const target = { id: sid, dataset: { sid } };
  page.comp.instance.eh({ type, timeStamp: Date.now(), target, currentTarget: target, detail, touches: [] });
}

/** The field (components/Field) whose label starts with `label`. */
function fieldOf(page: RenderedPage, label: string): Any {
  const labels = Array.from(page.comp.dom.querySelectorAll('[class*="field__label"]')) as Any[];
  const found = labels.find((l) => (l.textContent ?? '').replace(/\*$/, '').trim().startsWith(label));
  if (!found) throw new Error(`no field labelled "${label}"`);
  return found.parentNode;
}

/** Types `value` into the input or textarea of the field labelled `label` (the nth one, for two in a field). */
export async function typeInField(page: RenderedPage, label: string, value: string, nth = 0): Promise<void> {
  const box = fieldOf(page, label).querySelectorAll('wx-input, wx-textarea')[nth];
  if (!box) throw new Error(`field "${label}" has no input`);
  fire(page, box.getAttribute('data-sid'), 'input', { value, cursor: value.length });
  await settle();
}

/** The text under the field labelled `label` (its error or hint). */
export function fieldText(page: RenderedPage, label: string): string {
  return (fieldOf(page, label).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Taps the first element whose class contains `cls` (a control with no text, e.g. a switch). */
export async function tapClass(page: RenderedPage, cls: string): Promise<void> {
  const el = page.comp.dom.querySelector(`[class*="${cls}"]`);
  if (!el) throw new Error(`nothing has class ${cls}`);
  let node: Any = el;
  while (node && !node.getAttribute?.('data-sid')) node = node.parentNode;
  fire(page, node.getAttribute('data-sid'), 'tap', { x: 0, y: 0 });
  await settle();
}

interface Wx {
  cloud: { callFunction: (o: Any) => Promise<unknown> };
}

/** The next call of `action` is refused with `error` (then the fake cloud answers again). */
export function refuseOnce(action: string, error: { code: string; message: string; fields?: Record<string, string> }) {
  const wx = (globalThis as unknown as { wx: Wx }).wx;
  const original = wx.cloud.callFunction;
  wx.cloud.callFunction = (opts: Any) => {
    if (`${opts.name}.${opts.data.action}` !== action) return original(opts);
    wx.cloud.callFunction = original;
    return Promise.resolve({ result: { ok: false, error } });
  };
}

/** Where the phone says it is (wx.getLocation), for pages that sign in by location. */
export function placePhone(lat: number, lng: number) {
  (globalThis as Any).wx.getLocation = (opts: Any = {}) => {
    const res = { errMsg: 'getLocation:ok', latitude: lat, longitude: lng, accuracy: 10 };
    opts.success?.(res);
    opts.complete?.(res);
    return Promise.resolve(res);
  };
}
