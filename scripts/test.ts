/**
 * `npm test`, in order: typecheck, lint, build (functions, weapp, h5, h5-console), jest (unit, integration,
 * conformance, weapp pages, budgets), then the browser journeys. Any failing layer stops the run
 * loudly; none is skipped. Ends with one line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

const steps: [string, string[]][] = [
  ['类型检查 typecheck', ['run', 'typecheck']],
  ['代码检查 lint', ['run', 'lint']],
  ['构建云函数', ['run', 'build:functions']],
  ['构建小程序 weapp', ['run', 'build:weapp']],
  ['构建网页版 h5', ['run', 'build:h5']],
  ['构建电脑端工作台 h5-console', ['run', 'build:console']],
  ['jest', ['run', 'test:jest', '--', '--json', `--outputFile=${join(results, 'jest.json')}`]],
  ['浏览器旅程 Playwright', ['run', 'test:e2e']],
];

const started = Date.now();
let failedStep = '';
for (const [label, args] of steps) {
  const t = Date.now();
  console.log(`\n▶ ${label}`);
  const res = spawnSync('npm', args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  console.log(`  ${label}：${res.status === 0 ? '通过' : '失败'}（${((Date.now() - t) / 1000).toFixed(1)} s）`);
  if (res.status !== 0) {
    failedStep = label;
    break;
  }
}

let passed = 0;
let failed = 0;
const jest = join(results, 'jest.json');
if (existsSync(jest)) {
  const j = JSON.parse(readFileSync(jest, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
}
const e2e = join(results, 'e2e.json');
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, 'utf8')).stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
}
console.log(`\n总用时 ${((Date.now() - started) / 1000).toFixed(0)} s${failedStep ? `；失败于：${failedStep}` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
