/**
 * The weapp build's NutUI CSS slimming (client/config/postcss-nutui-slim.js): what it may drop or
 * rewrite, and what it must keep.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postcss from 'postcss';

const slim = require('../../client/config/postcss-nutui-slim.js') as {
  (opts: { roots: string[]; sources: string }): postcss.Plugin;
  fold(value: string, defined: Set<string>): string;
};

function sources(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lxq-slim-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function run(css: string, files: Record<string, string>): Promise<string> {
  const dir = sources(files);
  return (await postcss([slim({ roots: [dir], sources: dir })]).process(css, { from: undefined })).css;
}

test('when a NutUI variable is defined nowhere, then its fallback is written, nested ones too', () => {
  const defined = new Set(['--nutui-color-primary']);
  expect(slim.fold('var(--nutui-a, var(--nutui-b, 14px))', defined)).toBe('14px');
  expect(slim.fold('1px solid var(--nutui-color-primary, #fa2c19)', defined)).toBe(
    '1px solid var(--nutui-color-primary, #fa2c19)',
  );
  expect(slim.fold('var(--nutui-color-primary, var(--nutui-x, red))', defined)).toBe('var(--nutui-color-primary, red)');
  // no fallback: nothing to write instead, the variable stays
  expect(slim.fold('var(--nutui-a)', defined)).toBe('var(--nutui-a)');
  expect(slim.fold('var(--lxq-primary, red)', defined)).toBe('var(--lxq-primary, red)');
});

test('when our styles or scripts define a NutUI variable, then it stays a variable', async () => {
  const css = '.nut-button{color:var(--nutui-button-color, #000);height:var(--nutui-h, 32px)}';
  const out = await run(css, {
    'app.scss': 'page { --nutui-button-color: #b4282d; }',
    'a.tsx': "style={{ '--nutui-h': '40px' }}",
  });
  expect(out).toBe('.nut-button{color:var(--nutui-button-color, #000);height:var(--nutui-h, 32px)}');
  expect(await run(css, { 'a.tsx': '' })).toBe('.nut-button{color:#000;height:32px}');
});

test('when no Button asks for a variant, then its rules go, and right-to-left rules always go', async () => {
  const css = [
    '.nut-button-primary{a:1}',
    '.nut-button-warning{a:2}',
    '.nut-button-primary-dashed,.nut-button-primary-outline{a:3}',
    '.nut-button-small .nut-button-text{a:4}',
    '.nut-button-mini{a:5}',
    '.nut-rtl .nut-cell,[dir=rtl] .nut-cell{a:6}',
    '.nut-cell{a:7}',
  ].join('');
  const out = await run(css, {
    'page.tsx': '<Button type="primary" size="small">a</Button><Button type={on ? \'danger\' : \'default\'}>b</Button>',
  });
  expect(out).toBe(
    '.nut-button-primary{a:1}.nut-button-primary-outline{a:3}.nut-button-small .nut-button-text{a:4}.nut-cell{a:7}',
  );
  // a page that starts using one gets its styles back
  expect(await run('.nut-button-warning{a:2}', { 'page.tsx': '<Button type="warning">x</Button>' })).toBe(
    '.nut-button-warning{a:2}',
  );
});
