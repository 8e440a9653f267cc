import { TEMPLATES, type TemplateKey } from '@lxq/types';
import { fitField, templateData } from '../../cloudfunctions/shared/notify';
import { validateTemplateData } from '../../emulator/openapi/templates';

const long = '关于召开二〇二六年第四季度界别群众座谈会暨委员联系界别群众工作推进会的通知';

test('when a title is longer than a thing field allows, then it is cut to 20 characters ending in …', () => {
  const cut = fitField('thing', long);
  expect([...cut]).toHaveLength(20);
  expect(cut.endsWith('…')).toBe(true);
  expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  expect(fitField('thing', '短标题')).toBe('短标题');
});

test('when a phrase, name or time is filled, then it fits WeChat rules (Chinese phrase ≤ 5, time in Beijing)', () => {
  expect(fitField('phrase', '已答复 (new)')).toBe('已答复');
  expect(fitField('phrase', 'abc')).toBe('通知');
  expect(fitField('time', new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01 00:30');
  expect([...fitField('name', '阿卜杜热合曼·买买提明')].length).toBeLessThanOrEqual(10);
});

test.each(Object.keys(TEMPLATES) as TemplateKey[])(
  'when %s is sent with overlong values, then the emulator (WeChat rules) accepts it: no 47003',
  (template) => {
    const values = Object.fromEntries(
      Object.entries(TEMPLATES[template].fields).map(([k, kind]) => [k, kind === 'time' ? new Date() : long]),
    );
    expect(validateTemplateData(templateData(template, values))).toBeNull();
  },
);
