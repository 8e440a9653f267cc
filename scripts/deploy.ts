/**
 * Prepares a deployment to WeChat Cloud Development. The function bundles in dist/cloudfunctions
 * are deployed as they are (WeChat DevTools: right-click a function → 上传并部署：云端安装依赖, or
 * the cloudbase CLI's `tcb fn deploy <name>`). This script writes what the console needs besides:
 * dist/deploy/database.json — every collection with its indexes and its security rule (all closed:
 * clients reach data only through functions) — from the one collection declaration.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/shared/collections';
import { buildFunctions } from './build-functions';
import { DIST } from './paths';

async function main() {
  const sizes = await buildFunctions();
  const out = join(DIST, 'deploy');
  mkdirSync(out, { recursive: true });
  const database = COLLECTIONS.map((c) => ({
    collection: c.name,
    description: c.description,
    rule: c.rule,
    indexes: c.indexes.map((i) => ({
      name: i.name,
      unique: !!i.unique,
      keys: i.fields.map(([field, dir]) => ({ name: field, direction: String(dir) })),
    })),
    retention: c.retention,
  }));
  writeFileSync(join(out, 'database.json'), JSON.stringify(database, null, 2));
  console.log('云函数：');
  for (const s of sizes)
    console.log(`  ${s.name}  ${(s.bytes / 1024).toFixed(1)} KB  → 上传 dist/cloudfunctions/${s.name}`);
  console.log(`数据库：${database.length} 个集合的索引与安全规则 → dist/deploy/database.json`);
}

main().catch((err) => {
  console.error(`部署准备失败：${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
