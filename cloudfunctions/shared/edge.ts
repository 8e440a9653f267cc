/**
 * What the router refuses before validating an input against its schema: shapes no form makes
 * and that could only hurt on the way in. Input nested deeper than any schema goes (thousands of
 * levels would overflow the stack in validation or storage), too many values at once, and text
 * that is not well-formed Unicode (a lone surrogate half, which would be stored and break every
 * page that shows it). The walk is iterative, so hostile depth cannot overflow it.
 */
import { AppError } from './errors';

/** Deeper than any action's input (the deepest, a notice's targets, is 3). */
export const MAX_DEPTH = 12;
/** More values than any form sends (a roster of 500 members is the largest list). */
export const MAX_VALUES = 20_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function checkInputShape(input: unknown): AppError | null {
  const stack: [unknown, number, string][] = [[input, 0, '']];
  let values = 0;
  while (stack.length) {
    const [value, depth, path] = stack.pop()!;
    if (++values > MAX_VALUES) return refuse('_', '提交的内容过多');
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return refuse(path || '_', '内容含有无法识别的字符，请删除后重新输入');
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return refuse(path || '_', '提交的内容层级过深');
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return refuse(path || '_', '内容含有无法识别的字符，请删除后重新输入');
      stack.push([child, depth + 1, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

function refuse(field: string, message: string) {
  return new AppError('VALIDATION', message, { [field]: message });
}
