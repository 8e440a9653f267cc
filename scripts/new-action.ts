/**
 * `npm run new:action <domain>.<action> [中文名]`: a working, tested, access-checked action in
 * a domain made by new:domain — its input schema and result type in the contract, the action
 * (declared roles, a handler that validates, decides, saves and audits), its registration in the
 * function and in the ACTIONS table, a test in the house style (the answer, the stored state, a
 * retry, bad input, a refused caller), an input in the access matrix, and a staff form page.
 * Staff-only by its roles, so the round-trip test derives it as staff-only; open it to citizens
 * or members and that test asks for it to be measured.
 */
import { NAME, Scaffold, collectionOf, dataFileOf, pascal } from './scaffold/edit';
import { ROOT } from './paths';

export function newAction(root: string, full: string, label = '新增'): Scaffold {
  const [domain, action, extra] = full.split('.');
  if (!domain || !action || extra || !NAME.test(domain) || !NAME.test(action)) {
    throw new Error(`action name ${JSON.stringify(full)}: use <domain>.<action>, e.g. hearing.create`);
  }
  const s = new Scaffold(root);
  if (!s.exists(`cloudfunctions/${domain}/index.ts`)) {
    throw new Error(`no function ${domain}: run npm run new:domain ${domain} first`);
  }
  const P = pascal(domain);
  const exportName = `${domain}${pascal(action)}`;
  const coll = collectionOf(domain);
  const dataFile = dataFileOf(domain)
    .replace(/^cloudfunctions\//, '../../')
    .replace(/\.ts$/, '');

  // The contract: input schema and result type, and the ACTIONS entry.
  const contract = `types/actions/${domain}.ts`;
  if (!s.read(contract).includes("from '../zod'")) {
    s.insertAfterLast(contract, '/**', "import { z } from '../zod';\nimport { text } from './fields';\n");
  }
  s.append(
    contract,
    `
/** ${label}: staff add one to their unit. */
export const ${exportName} = {
  input: z.object({ title: text('标题', 2, 40) }),
  result: {} as { _id: string },
};
`,
  );
  const index = 'types/actions/index.ts';
  if (!s.read(index).includes(`import * as ${domain} from`)) {
    s.insertAfterLast(index, 'import * as ', `import * as ${domain} from './${domain}';\n`);
  }
  s.insertBefore(index, '} as const;', `  '${full}': ${domain}.${exportName},\n`);

  // The function: the action, declared, and its registration.
  s.create(
    `cloudfunctions/${domain}/actions/${action}.ts`,
    `import { defineAction } from '../../shared/action';
import { insert${P} } from '${dataFile}';
import { new${P} } from '../domain/${domain}';

/** ${label}: staff add one to their own unit; it is audited. */
export default defineAction({
  name: '${full}',
  roles: ['staff', 'admin'],
  mutates: true,
  // The insert's id comes from ctx.newId(): a retry fails on it and gets the first answer.
  retrySafe: true,
  async handler({ title }, ctx) {
    const doc = new${P}(ctx.newId('${domain}'), title, await ctx.user(), ctx.now);
    await insert${P}(doc);
    ctx.audit(\`${coll}/\${doc._id}\`, null, doc);
    return { _id: doc._id };
  },
});
`,
  );
  const fn = `cloudfunctions/${domain}/index.ts`;
  s.insertAfterLast(fn, 'import ', `import ${action} from './actions/${action}';\n`);
  s.addToArray(fn, 'createMain(', action);

  // The tests: its own file, and its input in the access matrix (what callers get is derived).
  s.create(
    `test/integration/${domain}-${action}.test.ts`,
    `/** ${full} through the real function and the emulator (scaffolded by npm run new:action). */
import { newRequestId, startSystem, WHO, type System } from './system';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(() => sys.stop());

const stored = async (id: string) => (await sys.db.collection('${coll}').where({ _id: id }).get()).data[0];
const count = async () => (await sys.db.collection('${coll}').where({ unitPath: 'u-gansu' }).count()).total;

// Named by the action, so \`jest -t ${full}\` runs these with the action's rows of the access matrix.
describe('${full}', () => {
  test('when staff call ${full}, then it is stored in their unit and audited', async () => {
    const { _id } = await sys.as(WHO.huiningStaff).ok('${full}', { title: '脚手架测试' });
    expect(await stored(_id)).toMatchObject({ title: '脚手架测试', unitId: 'u-huining', createdBy: 'user-staff-huining' });
    const { data: audit } = await sys.db.collection('audit').where({ target: \`${coll}/\${_id}\` }).get();
    expect(audit).toHaveLength(1);
  });

  test('when the same request arrives twice, then it is stored once and answered the same', async () => {
    const before = await count();
    const requestId = newRequestId();
    const first = await sys.as(WHO.huiningStaff).ok('${full}', { title: '重试测试' }, requestId);
    expect(await sys.as(WHO.huiningStaff).ok('${full}', { title: '重试测试' }, requestId)).toEqual(first);
    expect(await count()).toBe(before + 1);
  });

  test('when the title is left empty, then a clear message comes back and nothing is stored', async () => {
    const before = await count();
    const res = await sys.as(WHO.huiningStaff).call('${full}', { title: '  ' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { title: '请填写标题' } } });
    expect(await count()).toBe(before);
  });

  test('when a citizen or a member calls, then they are refused and nothing is stored', async () => {
    const before = await count();
    for (const who of [WHO.citizen, WHO.member]) {
      const res = await sys.as(who).call('${full}', { title: '越权测试' });
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await count()).toBe(before);
  });
});
`,
  );
  s.insertBefore(
    'test/integration/access.test.ts',
    '  ...DUTY_MATRIX,',
    `  '${full}': () => ({ title: '矩阵测试' }),\n`,
  );

  // A staff page with the form, registered in app.config.ts.
  s.create(
    `client/src/staff/${domain}/${action}.config.ts`,
    `export default definePageConfig({\n  navigationBarTitleText: '${label}',\n});\n`,
  );
  s.create(
    `client/src/staff/${domain}/${action}.tsx`,
    `import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Field } from '../../components/Field';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';

/** ${label}: the form of ${full}. */
export default function ${P}${pascal(action)}Page() {
  const save = useMutation('${full}');
  const [title, setTitle] = useState('');
  const onSave = async () => {
    if (await save.run({ title })) {
      void Taro.showToast({ title: '已保存', icon: 'success' });
      setTitle('');
    }
  };
  return (
    <Screen wide>
      <View className="card">
        <Field label="标题" required error={save.fieldErrors.title}>
          <Input
            value={title}
            placeholder="2–40 个字"
            onChange={(v) => {
              setTitle(v);
              save.clearFieldError('title');
            }}
          />
        </Field>
        <Button type="primary" block loading={save.loading} onClick={() => void onSave()}>
          保存
        </Button>
      </View>
    </Screen>
  );
}
`,
  );
  s.insertBefore('client/src/app.config.ts', '      ],\n', `        '${domain}/${action}',\n`, "root: 'staff'");
  return s;
}

if (require.main === module) {
  const [full, label] = process.argv.slice(2);
  if (!full) {
    console.error(
      'usage: npm run new:action <domain>.<action> [中文名]   e.g. npm run new:action hearing.create 新增听证',
    );
    process.exit(1);
  }
  console.log(newAction(ROOT, full, label).format().report(`New action ${full}: wrote and registered`));
  console.log(
    `Next: npx jest test/integration/${full.replace('.', '-')}.test.ts, then fill in the handler and the page`,
  );
}
