/**
 * Citizens' personal data out of text that travels beyond the people who handled it (a 社情民意信息
 * goes up to the city, the province and into print): phone numbers, ID numbers, house numbers and
 * the names of people the author knows to be involved. What the text says about the matter stays.
 */
import { maskName } from './mask';

const RULES: [RegExp, string | ((m: string) => string)][] = [
  // 18-digit resident ID (before phones: an ID contains 11-digit runs).
  [/(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g, '[身份证号已隐去]'],
  // Mainland mobiles, with or without +86 and separators.
  [/(?:\+?86[-\s]?)?(?<!\d)1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g, '[电话已隐去]'],
  // Landlines: 0943-1234567, (0943)1234567.
  [/(?:\(0\d{2,3}\)|(?<!\d)0\d{2,3}-)\d{7,8}(?!\d)/g, '[电话已隐去]'],
  // House, building, unit and room numbers: the street stays, the door goes.
  [/\d+(?:-\d+)*\s*(?:号楼|栋|幢|单元|室|号院|号)(?:\s*\d+(?:-\d+)*\s*(?:号楼|栋|幢|单元|室|号))*/g, '××号'],
];

export function redact(text: string, names: readonly string[] = []): string {
  let out = text;
  for (const [re, to] of RULES) out = out.replace(re, to as string);
  // Longest names first, so 王建国 is not left as 王建 + 国 by a shorter one.
  for (const name of [...new Set(names)].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.split(name).join(maskName(name).replace(/\*+/, '某'));
  }
  return out;
}
