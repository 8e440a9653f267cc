/** Every setting a function reads from its environment is one the deploy or the platform provides. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FUNCTION_SECRETS, PLATFORM_VARIABLES, PROVIDED_SECRETS, TUNABLE_LIMITS } from '../../scripts/deploy/desired';

const ROOT = join(__dirname, '..', '..', 'cloudfunctions');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const declaredFor = (fn: string) => [
  ...(FUNCTION_SECRETS[fn] ?? []),
  ...(PROVIDED_SECRETS[fn] ?? []).map((p) => p.name),
];

it('when a function reads process.env, then the deploy declares that name for it or the platform sets it', () => {
  const functions = readdirSync(ROOT).filter((n) => n !== 'shared');
  const undeclared: string[] = [];
  for (const file of sources(ROOT)) {
    const text = readFileSync(file, 'utf8');
    const fn = relative(ROOT, file).split(/[\\/]/)[0];
    for (const [, name] of text.matchAll(/process\.env\.([A-Z0-9_]+)/g)) {
      if (PLATFORM_VARIABLES.includes(name)) continue;
      // A tunable limit must fall back to its default when unset, so a deploy without it still runs.
      if (TUNABLE_LIMITS.includes(name)) {
        if (!new RegExp(`Number\\(process\\.env\\.${name}\\) \\|\\| \\d`).test(text))
          undeclared.push(`${name} without a default`);
        continue;
      }
      // shared/ is bundled into every function: some function must be given the name.
      const owners = fn === 'shared' ? functions : [fn];
      if (!owners.some((f) => declaredFor(f).includes(name))) undeclared.push(`${relative(ROOT, file)}: ${name}`);
    }
  }
  expect(undeclared).toEqual([]);
  expect(FUNCTION_SECRETS.duty).toContain('DUTY_CODE_SECRET');
});
