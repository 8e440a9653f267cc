/**
 * `npm run deploy -- --env <envId> [--dry-run]`: brings a WeChat Cloud environment in line with
 * this repository — collections, indexes and closed rules (collections.ts), the storage rule, every
 * function with its config.json and secrets, the h5 console on static hosting, and the weapp as a
 * new version. Idempotent: a second run changes nothing; a failed run is resumed by running again.
 * `--dry-run` prints the plan against what the environment has and changes nothing.
 * Steps a person takes once in the WeChat console: README, "Deploying".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { COLLECTIONS } from '../cloudfunctions/shared/collections';
import { TEMPLATES } from '../types/domain/notify';
import { buildFunctions, functionNames } from './build-functions';
import { deploy } from './deploy/apply';
import { cloudBasePlatform } from './deploy/cloudbase';
import { loadDesired } from './deploy/desired';
import { DIST, ROOT } from './paths';
import { appPages, sentTemplates, templateProblems } from './deploy/templates';

const USAGE = `用法：npm run deploy -- --env <云开发环境 ID> [--dry-run] [--skip-build] [--skip-h5] [--skip-weapp] [--desc 版本说明] [--region ap-shanghai]`;

function options() {
  const { values } = parseArgs({
    options: {
      env: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      'skip-h5': { type: 'boolean', default: false },
      'skip-weapp': { type: 'boolean', default: false },
      desc: { type: 'string' },
      region: { type: 'string' },
    },
  });
  if (!values.env) throw new Error(`缺少 --env。\n${USAGE}`);
  return { ...values, env: values.env };
}

function build(script: string, envId: string) {
  console.log(`构建 ${script}…`);
  const res = spawnSync('npm', ['run', script], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CLOUD_ENV: envId },
  });
  if (res.status !== 0) throw new Error(`npm run ${script} 失败`);
}

/** The upload key must stay out of the repository (and so out of any commit or build). */
function weappCredentials() {
  const appid = process.env.WEAPP_APPID;
  const key = process.env.WEAPP_PRIVATE_KEY_PATH;
  if (!appid || !key) return undefined;
  const path = resolve(key);
  if (!existsSync(path)) throw new Error(`找不到小程序上传密钥 ${path}`);
  if (path.startsWith(ROOT + sep))
    throw new Error('小程序上传密钥不能放在仓库里：请移到仓库之外再设置 WEAPP_PRIVATE_KEY_PATH');
  return { appid, privateKeyPath: path, projectPath: join(DIST, 'weapp') };
}

function describeBuild(version: string): string {
  try {
    const commit = execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return `连心桥 ${version}（${commit}）`.slice(0, 200);
  } catch {
    return `连心桥 ${version}`;
  }
}

/**
 * miniprogram-ci packs a project folder described by project.config.json; the weapp build has none
 * of its own (the repository's points DevTools at dist/weapp), so give the build folder one. The
 * appid is passed to miniprogram-ci, not written here, so the build's hash does not depend on it.
 */
function describeWeappProject(dir: string) {
  const file = join(dir, 'project.config.json');
  if (!existsSync(dir) || existsSync(file)) return;
  const setting = { es6: false, enhance: false, postcss: false, minified: false };
  writeFileSync(file, JSON.stringify({ miniprogramRoot: '', compileType: 'miniprogram', setting }, null, 2));
}

async function main() {
  const o = options();
  const weapp = o['skip-weapp'] ? undefined : weappCredentials();
  if (!o['skip-weapp'] && !weapp && !o['dry-run'])
    throw new Error(
      '上传小程序需要环境变量 WEAPP_APPID 和 WEAPP_PRIVATE_KEY_PATH（见 README「Deploying」），或加 --skip-weapp',
    );
  if (!(process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY))
    throw new Error('需要环境变量 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY（见 README「Deploying」）');

  // --skip-build takes every build already in dist/, the functions' too (built when missing).
  const functionsBuilt = functionNames().every((n) => existsSync(join(DIST, 'cloudfunctions', n, 'index.js')));
  if (!o['skip-build'] || !functionsBuilt) await buildFunctions();
  if (!o['skip-build']) {
    if (!o['skip-weapp']) build('build:weapp', o.env);
    if (!o['skip-h5']) build('build:h5', o.env);
  }
  if (!o['skip-weapp']) describeWeappProject(join(DIST, 'weapp'));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const desired = loadDesired(COLLECTIONS, {
    dist: DIST,
    version,
    description: o.desc ?? describeBuild(version),
    h5: !o['skip-h5'],
    weapp: !o['skip-weapp'],
  });
  for (const [what, spec, flag] of [
    ['h5', desired.hosting, 'skip-h5'],
    ['weapp', desired.weapp, 'skip-weapp'],
  ] as const)
    if (!o[flag] && !spec) throw new Error(`没有 ${what} 的构建（dist/${what}）：去掉 --skip-build，或加 --${flag}`);

  // Every template the functions send must be configured; the dry run lists every problem.
  const problems = templateProblems(
    TEMPLATES,
    sentTemplates(join(ROOT, 'cloudfunctions')),
    appPages(join(ROOT, 'client', 'src', 'app.config.ts')),
  );
  for (const p of problems) console.warn(`！订阅消息模板 ${p.message}`);
  if (problems.some((p) => !p.fatal && p.message.includes('占位')))
    console.warn(
      '在公众平台选用模板后，把 types/domain/notify.ts 里的 ID 换成真实的再部署（清单：npm run console:checklist）',
    );
  const fatal = problems.filter((p) => p.fatal);
  if (fatal.length && !o['dry-run']) throw new Error(`订阅消息模板配置有误：${fatal.map((p) => p.message).join('；')}`);
  const platform = await cloudBasePlatform({ envId: o.env, region: o.region, weapp });
  await deploy(platform, desired, { envId: o.env, dryRun: o['dry-run'], log: (line) => console.log(line) });
}

main().catch((err) => {
  console.error(`部署失败：${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
