/**
 * A small .xlsx reader beside the writer (xlsx.ts): the first worksheet's cells as text, row by
 * row. Enough for the import templates people fill in Excel or WPS: shared strings, inline
 * strings, numbers (a mobile number typed as a number comes back as its digits) and booleans;
 * formulas give their cached value. Unzipped with fflate, parsed with regular expressions.
 */
import { strFromU8, unzipSync } from 'fflate';

/** Thrown for a file that is not an .xlsx workbook: the caller turns it into a Chinese message. */
export class NotAWorkbook extends Error {}

/** The first sheet as rows of cell text ('' for an empty cell); trailing empty rows dropped. */
export function readFirstSheet(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') });
  } catch {
    throw new NotAWorkbook('not a zip');
  }
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const sheetPath = firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
  const sheet = text(sheetPath);
  if (!sheet) throw new NotAWorkbook('no worksheet');
  const shared = sharedStrings(text('xl/sharedStrings.xml'));

  const rows: string[][] = [];
  for (const row of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(/\br="(\d+)"/.exec(row[1])?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\br="([A-Z]+)\d*"/.exec(c[1])?.[1];
      const col = ref ? columnIndex(ref) : cells.length;
      cells[col] = cellText(c[1], c[2] ?? '', shared);
    }
    rows[r - 1] = Array.from(cells, (v) => v ?? '');
  }
  const out = Array.from(rows, (r) => r ?? []);
  while (out.length && out[out.length - 1].every((v) => !v.trim())) out.pop();
  return out;
}

function firstSheetPath(workbook: string, rels: string): string {
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = rid ? new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : null;
  const alt = rid ? new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1] : null;
  const t = target ?? alt;
  if (!t) return 'xl/worksheets/sheet1.xml';
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
}

/** The text runs of a string item, phonetic guides left out. */
function texts(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)]
    .map((m) => unescape(m[1]))
    .join('');
}

function cellText(attrs: string, body: string, shared: string[]): string {
  const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
  if (type === 'inlineStr') return texts(body);
  const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (v === undefined) return '';
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  if (type === 'n') {
    const n = Number(v);
    // 13800000000 may be stored as 1.38E+10: give it back as the digits typed.
    return Number.isFinite(n) && Number.isInteger(n) ? String(n) : v;
  }
  return unescape(v);
}

/** A → 0, Z → 25, AA → 26. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}
