import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

test('when the data directory cannot be written, then npm start stops with one clear line', () => {
  const root = join(__dirname, '..', '..');
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: '/etc/hostname/data', PORT: '0' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(res.status).toBe(1);
  const lines = res.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^无法写入数据目录 \/etc\/hostname\/data（ENOTDIR）/);
  expect(res.stderr).not.toMatch(/at .+\(.+:\d+:\d+\)/);
});
