/**
 * The scaffold's file edits: write a new file (never over an existing one) and add a line to a
 * registry file at a named anchor, failing loudly when the anchor has moved, so a changed layout
 * is noticed instead of half-registered.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export class Scaffold {
  readonly written: string[] = [];
  constructor(readonly root: string) {}

  path(rel: string) {
    return join(this.root, rel);
  }

  exists(rel: string) {
    return existsSync(this.path(rel));
  }

  read(rel: string) {
    return readFileSync(this.path(rel), 'utf8');
  }

  create(rel: string, text: string) {
    if (this.exists(rel)) throw new Error(`${rel} already exists: pick another name`);
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), text);
    this.written.push(rel);
  }

  /** Inserts `text` right before the first occurrence of `anchor` (after `from`, when given). */
  insertBefore(rel: string, anchor: string, text: string, from = '') {
    const src = this.read(rel);
    const start = from ? src.indexOf(from) : 0;
    const at = start < 0 ? -1 : src.indexOf(anchor, start);
    if (at < 0) throw new Error(`${rel}: cannot find ${JSON.stringify(anchor)} to register the new code after`);
    writeFileSync(this.path(rel), src.slice(0, at) + text + src.slice(at));
    if (!this.written.includes(rel)) this.written.push(rel);
  }

  /** Inserts `text` right after the last line that starts with `prefix`. */
  insertAfterLast(rel: string, prefix: string, text: string) {
    const lines = this.read(rel).split('\n');
    const at = lines.map((l) => l.startsWith(prefix)).lastIndexOf(true);
    if (at < 0) throw new Error(`${rel}: no line starts with ${JSON.stringify(prefix)}`);
    lines.splice(at + 1, 0, ...text.replace(/\n$/, '').split('\n'));
    writeFileSync(this.path(rel), lines.join('\n'));
    if (!this.written.includes(rel)) this.written.push(rel);
  }

  append(rel: string, text: string) {
    writeFileSync(this.path(rel), this.read(rel).replace(/\n*$/, '\n') + text);
    if (!this.written.includes(rel)) this.written.push(rel);
  }

  /** Adds `item` at the end of the array literal that follows `after` (one line or many). */
  addToArray(rel: string, after: string, item: string) {
    const src = this.read(rel);
    const open = src.indexOf('[', src.indexOf(after));
    const close = src.indexOf(']', open);
    if (src.indexOf(after) < 0 || open < 0 || close < 0) throw new Error(`${rel}: cannot find the list after ${after}`);
    const inside = src.slice(open + 1, close).trimEnd();
    const add = !inside.trim() ? item : inside.endsWith(',') ? ` ${item},` : `, ${item}`;
    writeFileSync(this.path(rel), src.slice(0, open + 1) + inside + add + src.slice(close));
    if (!this.written.includes(rel)) this.written.push(rel);
  }

  /** Formats what was written in the house style (the project's prettier). */
  format() {
    const files = this.written.filter((f) => /\.(ts|tsx|json)$/.test(f)).map((f) => this.path(f));
    execFileSync(this.path('node_modules/.bin/prettier'), ['--write', ...files], { cwd: this.root, stdio: 'ignore' });
    return this;
  }

  report(what: string) {
    const files = this.written.map((f) => `  ${relative(this.root, this.path(f))}`).join('\n');
    return `${what}\n${files}`;
  }
}

/** topic → Topic; consultationTopic → ConsultationTopic. */
export const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);

/** consultationTopic → consultation_topics: the collection of a domain's documents. */
export const collectionOf = (domain: string) => `${domain.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}s`;

/** consultationTopic → consultationTopics: the data-access file of that collection. */
export const dataFileOf = (domain: string) => `cloudfunctions/shared/data/${domain}s.ts`;

export const NAME = /^[a-z][a-zA-Z0-9]{1,30}$/;
