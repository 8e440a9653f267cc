import { concernSubmit } from '../../types/actions/concern';
import { LIMITS, textError } from '../../types/limits';

/** The client checks a form with types/limits.ts; the server with the zod schema built from it. */
const serverSays = (field: 'title' | 'text', value: string) => {
  const r = concernSubmit.input.safeParse({
    workstationId: 'ws-1',
    category: '民生',
    title: field === 'title' ? value : '小区门口路灯坏了',
    text: field === 'text' ? value : '小区门口的路灯已经坏了三个月，晚上出行很不方便。',
    consent: true,
  });
  return r.success ? '' : (r.error.issues.find((i) => i.path[0] === field)?.message ?? '');
};

test.each([
  ['title', 'empty', '标题', LIMITS.concernTitle, ''],
  ['title', 'too short', '标题', LIMITS.concernTitle, '路灯'],
  ['title', 'too long', '标题', LIMITS.concernTitle, '灯'.repeat(41)],
  ['title', 'right', '标题', LIMITS.concernTitle, '小区门口路灯坏了'],
  ['text', 'too short', '内容', LIMITS.concernText, '太短了'],
  ['text', 'too long', '内容', LIMITS.concernText, '长'.repeat(1001)],
  ['text', 'only spaces', '内容', LIMITS.concernText, '   '],
] as const)('when the %s is %s, then the phone says what the server says', (field, _case, label, limit, value) => {
  expect(textError(label, limit, value)).toBe(serverSays(field, value));
});
