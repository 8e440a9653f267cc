import { LIMITS, textMessages, type TextLimit } from '../limits';
import { z } from '../zod';

/** Field builders with the Chinese messages a person sees under the field. */

/**
 * One entry of a unit's own list (concern categories, 八必访 occasions; issue 17): any short
 * string here, the action checks it against the unit's list.
 */
export const listChoice = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .min(1, `请选择${label}`)
    .max(20, `${label}无效`);

export const id = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .min(1, `请选择${label}`)
    .max(64, `${label}无效`);

/** A required text; pass a limit from types/limits.ts when a client form shows the same field. */
export const text = (label: string, min: number | TextLimit, max?: number) => {
  const limit = typeof min === 'number' ? { min, max: max ?? min } : min;
  const m = textMessages(label, limit);
  return z.string({ error: m.required }).trim().min(1, m.required).min(limit.min, m.tooShort).max(limit.max, m.tooLong);
};

export const optionalText = (label: string, max: number | TextLimit) => {
  const limit = typeof max === 'number' ? { min: 0, max } : max;
  return z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(limit.max, textMessages(label, limit).tooLong)
    .optional();
};

/** Mainland mobile number, 11 digits starting with 1. */
export const phone = z
  .string({ error: '请填写手机号' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号');

/** A public telephone: a landline with its area code (0943-1234567), a mobile, or a 400 number. */
export const publicPhone = z
  .string({ error: '请填写电话' })
  .trim()
  .regex(
    /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|400-?\d{3}-?\d{4})$/,
    '请填写带区号的座机（如 0943-3221234）或手机号',
  );

/** A file in cloud storage, as the upload answered it. */
export const fileId = (label: string) =>
  z
    .string({ error: `${label}无效` })
    .trim()
    .min(1, `${label}无效`)
    .max(512, `${label}无效`);

export const pageInput = {
  page: z.number({ error: '页码无效' }).int('页码无效').min(1, '页码无效').default(1),
  pageSize: z
    .number({ error: '每页条数无效' })
    .int('每页条数无效')
    .min(1, '每页条数无效')
    .max(50, '每页最多 50 条')
    .default(20),
};

export const geoPoint = z.object({
  lat: z.number({ error: '位置无效' }).min(-90, '位置无效').max(90, '位置无效'),
  lng: z.number({ error: '位置无效' }).min(-180, '位置无效').max(180, '位置无效'),
});

/**
 * Concerns a member files on someone's behalf (a duty reception, a liaison record): always a
 * `concerns` array, at most `max`, each with its category, title and text.
 */
export const concernsOnBehalf = (max: number, tooMany: string) =>
  z
    .array(
      z.object({
        category: listChoice('诉求类别'),
        title: text('诉求标题', LIMITS.concernTitle),
        text: text('诉求内容', LIMITS.concernText),
      }),
      { error: '反映的诉求无效' },
    )
    .max(max, tooMany)
    .default([]);

/** Words of a title or name: a staff table's search box, matched case-insensitively on the server. */
export const searchWords = optionalText('搜索词', 40);

/**
 * The order of a staff list over every page: a field oldest/smallest first, or '-field' the other
 * way. Only fields an index of the list serves are offered (the emulator's strict mode checks).
 */
export const sortBy = <F extends string>(...fields: [F, ...F[]]) =>
  z
    .enum([...fields, ...fields.map((f) => `-${f}` as const)] as [F | `-${F}`, ...(F | `-${F}`)[]], {
      error: '排序方式无效',
    })
    .optional();
