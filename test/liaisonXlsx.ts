/** Reads back the cells of an .xlsx the liaison export wrote (tests only): sheet name → rows. */
import { strFromU8, unzipSync } from 'fflate';

export type ReadCell = string | number | { serial: number; style: number };

export function readWorkbook(file: Uint8Array): Record<string, ReadCell[][]> {
  const parts = unzipSync(file);
  const workbook = strFromU8(parts['xl/workbook.xml']);
  const names = [...workbook.matchAll(/<sheet name="([^"]+)" sheetId="(\d+)"/g)].map((m) => [m[1], m[2]] as const);
  const out: Record<string, ReadCell[][]> = {};
  for (const [name, id] of names) {
    const xml = strFromU8(parts[`xl/worksheets/sheet${id}.xml`]);
    out[name] = [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map((row) =>
      [...row[1].matchAll(/<c r="[A-Z]+\d+"(?: s="(\d+)")?(?: t="inlineStr")?(?:\/>|>(.*?)<\/c>)/g)].map((c) => {
        const style = Number(c[1] ?? 0);
        const body = c[2] ?? '';
        const text = /<t[^>]*>(.*?)<\/t>/.exec(body)?.[1];
        if (text !== undefined) return unescape(text);
        const v = /<v>(.*?)<\/v>/.exec(body)?.[1];
        if (v === undefined) return '';
        return style >= 2 ? { serial: Number(v), style } : Number(v);
      }),
    );
  }
  return out;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The China wall-clock text of an Excel serial date. */
export function serialToChina(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 16).replace('T', ' ');
}
