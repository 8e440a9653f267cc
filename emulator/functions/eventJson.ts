/**
 * The event's JSON text, as the platform hands a function its event: the worker parses it there.
 * Written without recursion: structured cloning (postMessage) and JSON.stringify both recurse and
 * overflow the stack on input nested a few thousand levels deep, which made such a call a function
 * crash instead of reaching the router, whose iterative check answers VALIDATION. JSON.parse is
 * iterative in V8, so the worker reads any depth.
 */
type Frame = { items: unknown[]; i: number } | { obj: Record<string, unknown>; keys: string[]; i: number; n: number };

const prepared = (v: unknown): unknown =>
  v && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function'
    ? (v as { toJSON(): unknown }).toJSON()
    : v;
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

export function eventJson(root: unknown): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  const emit = (raw: unknown) => {
    const v = prepared(raw);
    if (omitted(v)) out.push('null');
    else if (v === null || typeof v !== 'object') out.push(JSON.stringify(v));
    else if (Array.isArray(v)) {
      out.push('[');
      stack.push({ items: v, i: 0 });
    } else {
      out.push('{');
      const obj = v as Record<string, unknown>;
      stack.push({ obj, keys: Object.keys(obj), i: 0, n: 0 });
    }
  };
  emit(root);
  while (stack.length) {
    const f = stack[stack.length - 1];
    if ('items' in f) {
      if (f.i >= f.items.length) {
        out.push(']');
        stack.pop();
        continue;
      }
      if (f.i > 0) out.push(',');
      emit(f.items[f.i++]);
      continue;
    }
    while (f.i < f.keys.length && omitted(prepared(f.obj[f.keys[f.i]]))) f.i++;
    if (f.i >= f.keys.length) {
      out.push('}');
      stack.pop();
      continue;
    }
    if (f.n++ > 0) out.push(',');
    const key = f.keys[f.i++];
    out.push(JSON.stringify(key), ':');
    emit(f.obj[key]);
  }
  return out.join('');
}
