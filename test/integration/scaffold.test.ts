/**
 * The recipe works in one command each: in a copy of the repository (its sources, node_modules
 * linked), `new:domain` and `new:action` make demo.create; the copy typechecks, and the generated
 * test and the action's rows of the access matrix pass against the emulator. The copy is
 * discarded, whatever happens.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const SOURCES = ['cloudfunctions', 'types', 'scripts', 'emulator', 'test', 'client/src'];
const FILES = ['tsconfig.json', 'jest.config.js', 'package.json', '.prettierrc.json', '.prettierignore'];

let copy = '';
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'lxq-scaffold-'));
  for (const dir of SOURCES) {
    cpSync(join(ROOT, dir), join(copy, dir), {
      recursive: true,
      filter: (p) => !/[/\\](e2e|bench|test-results|node_modules)([/\\]|$)/.test(p.slice(ROOT.length)),
    });
  }
  for (const file of FILES) cpSync(join(ROOT, file), join(copy, file));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Runs a command in the copy: its output (stdout and stderr), or an error carrying it. */
function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, LXQ_DIST_DIR: join(copy, 'dist') },
  });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${out.slice(-3000)}`);
  return out;
}

test('when new:domain and new:action make demo.create, then it typechecks, is registered everywhere, and its tests pass', () => {
  run('npx', ['tsx', 'scripts/new-domain.ts', 'demo', '演示']);
  run('npx', ['tsx', 'scripts/new-action.ts', 'demo.create', '新增演示']);

  // Registered: the contract, the function, the collection, the page, the access matrix.
  const read = (rel: string) => readFileSync(join(copy, rel), 'utf8');
  expect(read('types/actions/index.ts')).toContain("'demo.create': demo.demoCreate");
  expect(read('cloudfunctions/demo/index.ts')).toMatch(/createMain\('demo', \[create\]\)/);
  expect(read('cloudfunctions/shared/collections/demo.ts')).toContain("name: 'demos'");
  expect(read('cloudfunctions/shared/collections/index.ts')).toContain('...DEMOS,');
  expect(read('client/src/app.config.ts')).toContain("'demo/create'");
  expect(read('test/integration/access.test.ts')).toContain("'demo.create': () =>");
  expect(existsSync(join(copy, 'test/integration/demo-create.test.ts'))).toBe(true);

  // A second action lands in the same function, and a name that exists is refused.
  run('npx', ['tsx', 'scripts/new-action.ts', 'demo.publish', '发布演示']);
  expect(read('cloudfunctions/demo/index.ts')).toMatch(/createMain\('demo', \[create, publish\]\)/);
  expect(() => run('npx', ['tsx', 'scripts/new-domain.ts', 'demo'])).toThrow(/already exists/);

  run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  run('npx', [
    'prettier',
    '--check',
    'cloudfunctions',
    'types',
    'test/integration',
    'client/src/app.config.ts',
    'client/src/staff/demo',
  ]);
  const out = run('npx', [
    'jest',
    'test/integration/demo-create.test.ts',
    'test/integration/access.test.ts',
    '-t',
    'demo\\.create|in the contract|has an input for it',
  ]);
  // The generated test's four cases, and demo.create's four callers in the matrix plus its two checks.
  expect(out).toMatch(/Tests: +\d+ skipped, 10 passed/);
}, 240_000);
