/** Every setting a function reads from its environment is one the deploy provides. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FUNCTION_SECRETS } from '../../scripts/deploy/desired';

const ROOT = join(__dirname, '..', '..', 'cloudfunctions');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

it('when a function reads process.env, then the deploy declares that name for that function', () => {
  const undeclared: string[] = [];
  for (const file of sources(ROOT)) {
    const text = readFileSync(file, 'utf8');
    const fn = relative(ROOT, file).split(/[\\/]/)[0];
    for (const [, name] of text.matchAll(/process\.env\.([A-Z0-9_]+)/g)) {
      // Settings are declared per function; shared/ (bundled into all of them) reads none.
      if (!FUNCTION_SECRETS[fn]?.includes(name)) undeclared.push(`${relative(ROOT, file)}: ${name}`);
    }
  }
  expect(undeclared).toEqual([]);
  expect(FUNCTION_SECRETS.duty).toContain('DUTY_CODE_SECRET');
});
