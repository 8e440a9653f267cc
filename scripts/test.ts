/**
 * `npm test`: typecheck, lint, build (functions, weapp, h5, h5-console), jest (unit, integration,
 * conformance, weapp pages, budgets), then the browser journeys. Any failing layer stops the run
 * loudly; none is skipped. Ends with one line: "N passed, N failed".
 *
 * The checks and builds before jest are single-threaded tools (tsc, eslint, one webpack each), so
 * they run in two lanes at once, one per core; each step's output is printed whole when it ends,
 * so the lanes' logs never interleave. jest and the journeys use every core and run one after the
 * other, their output live.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

type Step = [label: string, args: string[], env?: Record<string, string>];

/** Each lane's steps run in order; the lanes run side by side. Neither lane reads the other's output. */
const lanes: Step[][] = [
  [
    ['类型检查 typecheck', ['run', 'typecheck']],
    ['代码检查 lint', ['run', 'lint']],
    ['构建小程序 weapp', ['run', 'build:weapp']],
  ],
  [
    ['构建云函数', ['run', 'build:functions']],
    ['构建网页版 h5', ['run', 'build:h5']],
    ['构建电脑端工作台 h5-console', ['run', 'build:console']],
  ],
];
const after: Step[] = [
  // The lane above has built the function bundles: jest's global set-up need not build them again.
  [
    'jest',
    ['run', 'test:jest', '--', '--json', `--outputFile=${join(results, 'jest.json')}`],
    { LXQ_FUNCTIONS_BUILT: '1' },
  ],
  ['浏览器旅程 Playwright', ['run', 'test:e2e']],
];

const env = { ...process.env, FORCE_COLOR: '0' };
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
let failedStep = '';

function run([label, args, extra]: Step, live: boolean): Promise<boolean> {
  const t = Date.now();
  if (live) console.log(`\n▶ ${label}`);
  const child = spawn('npm', args, {
    cwd: root,
    env: { ...env, ...extra },
    stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  child.stdout?.on('data', (d: Buffer) => out.push(d));
  child.stderr?.on('data', (d: Buffer) => out.push(d));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const ok = code === 0;
      if (!live) process.stdout.write(`\n▶ ${label}\n${Buffer.concat(out).toString()}`);
      console.log(`  ${label}：${ok ? '通过' : '失败'}（${seconds(t)}）`);
      if (!ok && !failedStep) failedStep = label;
      resolve(ok);
    }),
  );
}

async function main() {
  const started = Date.now();
  // A lane stops at its first failure; the other finishes the step it is in and starts no other.
  await Promise.all(
    lanes.map(async (lane) => {
      for (const step of lane) if (failedStep || !(await run(step, false))) return;
    }),
  );
  if (!failedStep) console.log(`\n  检查与构建共用时 ${seconds(started)}`);
  for (const step of after) if (failedStep || !(await run(step, true))) break;

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
}

void main();
