/**
 * The NutUI CSS this app cannot use, left out of the mini-program build (its main package is
 * budgeted at 400 KB and NutUI's stylesheets were a tenth of it):
 * - NutUI writes every themable value as var(--nutui-…, fallback), often nested three deep. A
 *   variable nothing defines always resolves to its fallback, so the fallback is written instead.
 *   A variable defined anywhere (our styles, NutUI's CSS, a name a script sets) stays a variable.
 * - Right-to-left rules (.nut-rtl, [dir=rtl]): the app is Chinese, never right-to-left.
 * - Button variants no <Button> in client/src asks for (type, fill, size, shape), read from the
 *   sources at build time, so a page that starts using one gets its styles.
 */
const fs = require('node:fs');
const path = require('node:path');

const DEFINED = /(--nutui-[\w-]+)\s*:/g;
const QUOTED = /['"`](--nutui-[\w-]+)['"`]/g;

function walk(dir, exts, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, exts, out);
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

/** Every --nutui-* name a stylesheet declares or a script names, in our sources and NutUI's. */
function definedNames(roots) {
  const names = new Set();
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    for (const file of walk(root, ['.scss', '.css', '.ts', '.tsx', '.js'])) {
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes('--nutui-')) continue;
      for (const m of text.matchAll(DEFINED)) names.add(m[1]);
      for (const m of text.matchAll(QUOTED)) names.add(m[1]);
    }
  }
  return names;
}

/** `value` with every var(--nutui-x, fallback) whose --nutui-x is not in `defined` replaced by its fallback. */
function fold(value, defined) {
  let out = '';
  let i = 0;
  for (;;) {
    const start = value.indexOf('var(--nutui-', i);
    if (start < 0) return out + value.slice(i);
    out += value.slice(i, start);
    let depth = 0;
    let end = start + 3;
    for (; end < value.length; end++) {
      if (value[end] === '(') depth++;
      else if (value[end] === ')' && --depth === 0) break;
    }
    if (end >= value.length) return out + value.slice(start);
    const inner = value.slice(start + 4, end);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    if (comma >= 0 && !defined.has(name)) out += fold(inner.slice(comma + 1).trim(), defined);
    else out += comma < 0 ? `var(${inner})` : `var(${name},${fold(inner.slice(comma + 1), defined)})`;
    i = end + 1;
  }
}

const BUTTON_VARIANTS = {
  type: ['default', 'primary', 'info', 'success', 'warning', 'danger'],
  fill: ['solid', 'outline', 'dashed', 'none'],
  size: ['xlarge', 'large', 'normal', 'small', 'mini'],
  shape: ['round', 'square'],
};
const BUTTON_DEFAULTS = ['default', 'outline', 'normal', 'round'];

/** The Button variants the sources under `root` ask for: NutUI's defaults and every literal given to type/fill/size/shape. */
function usedButtonVariants(root) {
  const used = new Set(BUTTON_DEFAULTS);
  if (!fs.existsSync(root)) return null;
  for (const file of walk(root, ['.tsx'])) {
    const text = fs.readFileSync(file, 'utf8');
    for (const tag of text.matchAll(/<Button\b[^>]*>/g)) {
      for (const prop of tag[0].matchAll(/\b(?:type|fill|size|shape)=(\{[^}]*\}|"[^"]*"|'[^']*')/g)) {
        for (const lit of prop[1].matchAll(/['"]([a-z]+)['"]/g)) used.add(lit[1]);
      }
    }
  }
  return used;
}

const VARIANT_NAMES = new Set(Object.values(BUTTON_VARIANTS).flat());
const RTL = /\.nut-rtl\b|\[dir=["']?rtl/;

/** Whether a selector needs a right-to-left page or a Button variant outside `used`. */
function unusable(selector, used) {
  if (RTL.test(selector)) return true;
  if (!used) return false;
  for (const m of selector.matchAll(/\.nut-button-([a-z-]+)/g)) {
    if (m[1].split('-').some((part) => VARIANT_NAMES.has(part) && !used.has(part))) return true;
  }
  return false;
}

/** @param {{ roots: string[], sources: string }} opts folders searched for variable definitions; our sources */
function plugin(opts = {}) {
  let defined = null;
  let used;
  return {
    postcssPlugin: 'lxq-nutui-slim',
    Rule(rule) {
      if (!rule.selector.includes('nut-') && !rule.selector.includes('rtl')) return;
      if (used === undefined) used = opts.sources ? usedButtonVariants(opts.sources) : null;
      const keep = rule.selectors.filter((s) => !unusable(s, used));
      if (!keep.length) rule.remove();
      else if (keep.length < rule.selectors.length) rule.selectors = keep;
    },
    Declaration(decl) {
      if (!decl.value.includes('var(--nutui-')) return;
      defined ??= definedNames(opts.roots ?? []);
      decl.value = fold(decl.value, defined);
    },
  };
}
plugin.postcss = true;
plugin.fold = fold;
plugin.definedNames = definedNames;
plugin.usedButtonVariants = usedButtonVariants;
plugin.unusable = unusable;

module.exports = plugin;
