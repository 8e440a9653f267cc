/**
 * Subscribe-message templates as the deploy checks them (issue 21): every template a function
 * sends is configured, with field keys that name their kinds and a page that exists; placeholders
 * are reported; the console checklist is generated from the same declarations.
 */
import { join } from 'node:path';
import { TEMPLATES } from '../../types/domain/notify';
import { appPages, sentTemplates, templateProblems } from '../../scripts/deploy/templates';
import { consoleChecklist } from '../../scripts/console-checklist';

const ROOT = join(__dirname, '..', '..');
const PAGES = appPages(join(ROOT, 'client', 'src', 'app.config.ts'));

test('when the functions are scanned, then every template they send is found and configured', () => {
  const sent = sentTemplates(join(ROOT, 'cloudfunctions'));
  expect(sent).toEqual(['concernStatus', 'notice', 'shiftChange', 'taskReminder']);
  expect(templateProblems(TEMPLATES, sent, PAGES).filter((p) => p.fatal)).toEqual([]);
});

test('when app.config.ts is read, then its main and subpackage pages are all there', () => {
  expect(PAGES).toEqual(expect.arrayContaining(['pages/concern/detail', 'member/duty/index', 'staff/concerns/index']));
});

test('when a template is missing, misnamed, points nowhere or has a placeholder id, then the check says so', () => {
  const templates = {
    good: { id: 'Abc123', title: '好', fields: { thing1: 'thing' }, page: 'pages/me/index' },
    placeholder: { id: 'TPL_X', title: '占位', fields: { time1: 'time' }, page: 'pages/me/index' },
    misnamed: { id: 'Def456', title: '错名', fields: { thing1: 'time' }, page: 'pages/me/index' },
    nowhere: { id: 'Ghi789', title: '无页', fields: { thing1: 'thing' }, page: 'pages/none/index' },
  } as const;
  const problems = templateProblems(templates, ['good', 'placeholder', 'misnamed', 'nowhere', 'unknown'], PAGES);
  expect(problems.map((p) => [p.key, p.fatal])).toEqual([
    ['unknown', true],
    ['placeholder', false],
    ['misnamed', true],
    ['nowhere', true],
  ]);
  expect(templateProblems(templates, ['good'], PAGES).filter((p) => p.message.includes('从未发送'))).toHaveLength(3);
});

test('when the console checklist is printed, then it names the privacy guide, every template and the message push', () => {
  const text = consoleChecklist();
  expect(text).toContain('用户隐私保护指引');
  for (const t of Object.values(TEMPLATES)) expect(text).toContain(t.title);
  expect(text).toContain('事件 wxa_media_check → 云函数 concern');
});
