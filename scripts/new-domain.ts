/**
 * `npm run new:domain <name> [中文名]`: a new domain in its final shape — the domain type, an
 * empty action module in the contract, the cloud function (index.ts, actions/, domain/,
 * config.json), its collection (declared with an index on the unit path) and its data access,
 * and a staff page registered in app.config.ts. Then add actions with `npm run new:action`.
 */
import { NAME, Scaffold, collectionOf, dataFileOf, pascal } from './scaffold/edit';
import { ROOT } from './paths';

export function newDomain(root: string, name: string, label = name): Scaffold {
  if (!NAME.test(name))
    throw new Error(`domain name ${JSON.stringify(name)}: use lowerCamelCase letters, e.g. hearing`);
  const s = new Scaffold(root);
  if (s.exists(`cloudfunctions/${name}`)) throw new Error(`cloudfunctions/${name} already exists`);
  const P = pascal(name);
  const coll = collectionOf(name);

  s.create(
    `types/domain/${name}.ts`,
    `/** ${label}: one document of the ${coll} collection (say here what it is, and for whom). */
export interface ${P} {
  _id: string;
  title: string;
  /** The unit it belongs to, and that unit's path (ancestors + itself) for the staff scope. */
  unitId: string;
  unitPath: string[];
  createdBy: string;
  createdAt: Date;
}
`,
  );
  s.insertAfterLast('types/index.ts', 'export * from ', `export * from './domain/${name}';\n`);
  s.create(
    `types/actions/${name}.ts`,
    `/** The ${name} function's actions: input schema (zod) and result type, by name. */\n`,
  );
  s.insertAfterLast('types/actions/index.ts', 'export * from ', `export * from './${name}';\n`);

  s.create(
    `cloudfunctions/${name}/index.ts`,
    `import { createMain } from '../shared/router';

export const main = createMain('${name}', []);
`,
  );
  s.create(`cloudfunctions/${name}/config.json`, `{\n  "timeout": 10,\n  "permissions": { "openapi": [] }\n}\n`);
  s.create(
    `cloudfunctions/${name}/domain/${name}.ts`,
    `import type { ${P}, User } from '@lxq/types';

/** A new ${label} in the unit of the staff member who makes it. */
export function new${P}(id: string, title: string, by: User, now: Date): ${P} {
  return { _id: id, title, unitId: by.unitId, unitPath: by.unitPath, createdBy: by._id, createdAt: now };
}
`,
  );
  s.create(
    dataFileOf(name),
    `import type { ${P} } from '@lxq/types';
import { db } from '../cloud';

const ${name}s = () => db.collection('${coll}');

/** Stores a new one under the id it carries (from ctx.newId(), so a retry fails on it). */
export async function insert${P}(doc: ${P}): Promise<void> {
  await ${name}s().add({ data: doc });
}

export async function get${P}(id: string): Promise<${P} | null> {
  const { data } = await ${name}s().where({ _id: id }).limit(1).get();
  return (data[0] as ${P}) ?? null;
}
`,
  );
  const decl = coll.toUpperCase();
  s.create(
    `cloudfunctions/shared/collections/${name}.ts`,
    `import { closed, type CollectionDecl } from './decl';

/** ${label} */
export const ${decl}: CollectionDecl[] = [
  {
    name: '${coll}',
    description: '${label}',
    indexes: [
      {
        name: 'unit_created',
        fields: [
          ['unitPath', 1],
          ['createdAt', -1],
        ],
      },
    ],
    rule: closed,
    retention: null,
  },
];
`,
  );
  const collections = 'cloudfunctions/shared/collections/index.ts';
  s.insertAfterLast(collections, 'import { ', `import { ${decl} } from './${name}';\n`);
  s.insertBefore(collections, '];\n', `  ...${decl},\n`, 'export const COLLECTIONS');

  s.create(
    `client/src/staff/${name}/index.config.ts`,
    `export default definePageConfig({\n  navigationBarTitleText: '${label}',\n});\n`,
  );
  s.create(
    `client/src/staff/${name}/index.tsx`,
    `import { View } from '@tarojs/components';
import { Screen } from '../../components/Screen';

/** ${label}: the staff page of the ${name} domain. */
export default function ${P}Page() {
  return (
    <Screen wide>
      <View className="card">
        <View className="card-title">${label}</View>
        <View className="muted">这里将列出本单位的${label}。</View>
      </View>
    </Screen>
  );
}
`,
  );
  s.insertBefore('client/src/app.config.ts', '      ],\n', `        '${name}/index',\n`, "root: 'staff'");
  return s;
}

if (require.main === module) {
  const [name, label] = process.argv.slice(2);
  if (!name) {
    console.error('usage: npm run new:domain <name> [中文名]   e.g. npm run new:domain hearing 听证');
    process.exit(1);
  }
  console.log(newDomain(ROOT, name, label).format().report(`New domain ${name}: wrote and registered`));
  console.log(`Next: npm run new:action ${name}.<action>`);
}
