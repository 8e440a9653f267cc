/**
 * The subscribe-message templates as the deploy checks them: every template a function sends must
 * be configured (types/domain/notify.ts) with a real id from the console, its field keys must name
 * their kinds as WeChat requires (thing1 is a thing), and its page must exist. The dry run lists
 * every problem; a real deploy refuses a template the code sends but nobody configured.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateDef } from '../../types/domain/notify';

export interface TemplateProblem {
  key: string;
  /** Blocking: the code would fail at run time, not only send nothing. */
  fatal: boolean;
  message: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The template keys the functions send: `template: 'key'` or sendSubscribeMessage(who, 'key', …). */
export function sentTemplates(functionsDir: string): string[] {
  const found = new Set<string>();
  for (const file of sources(functionsDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\btemplate:\s*'(\w+)'/g)) found.add(m[1]);
    for (const m of text.matchAll(/sendSubscribeMessage\([^,]+,\s*'(\w+)'/g)) found.add(m[1]);
  }
  return [...found].sort();
}

export function templateProblems(
  templates: Record<string, TemplateDef>,
  sent: string[],
  pages: string[],
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const key of sent) {
    if (!templates[key]) problems.push({ key, fatal: true, message: `代码发送模板 ${key}，但 notify.ts 没有配置它` });
  }
  for (const [key, t] of Object.entries(templates)) {
    if (!sent.includes(key)) problems.push({ key, fatal: false, message: `「${t.title}」已配置，但代码从未发送` });
    if (!t.id || t.id.startsWith('TPL_')) {
      problems.push({
        key,
        fatal: false,
        message: `「${t.title}」的模板 ID 仍是占位（${t.id || '空'}）：提醒发不出去`,
      });
    }
    for (const [field, kind] of Object.entries(t.fields)) {
      if (field.replace(/\d+$/, '') !== kind) {
        problems.push({ key, fatal: true, message: `「${t.title}」的字段 ${field} 与类型 ${kind} 不符` });
      }
    }
    if (!pages.includes(t.page))
      problems.push({ key, fatal: true, message: `「${t.title}」打开的页面 ${t.page} 不存在` });
  }
  return problems;
}

/** What to choose in the console's 订阅消息 → 公共模板库, one line per template. */
export function templateChecklist(templates: Record<string, TemplateDef>): string[] {
  return Object.entries(templates).map(
    ([key, t]) =>
      `「${t.title}」（${key}）：字段 ${Object.entries(t.fields)
        .map(([f, k]) => `${f}(${k})`)
        .join('、')}；点开进入 ${t.page}；当前 ID ${t.id}`,
  );
}

/** Every page path app.config.ts declares (main package and subpackages), read from its text. */
export function appPages(appConfigPath: string): string[] {
  const text = readFileSync(appConfigPath, 'utf8');
  const list = (body: string) => [...body.matchAll(/'([\w/-]+)'/g)].map((m) => m[1]);
  const main = /^ {2}pages: \[([^\]]*)\]/m.exec(text);
  const out = main ? list(main[1]) : [];
  for (const m of text.matchAll(/root: '([\w-]+)',\s*pages: \[([^\]]*)\]/g)) {
    out.push(...list(m[2]).map((p) => `${m[1]}/${p}`));
  }
  return out;
}
