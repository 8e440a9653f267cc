/**
 * What an environment should have, read from the repository and the builds: the collections and
 * their indexes and rules (collections.ts), the storage rule, each function with its config.json,
 * the h5 build's files and the weapp build. Nothing here talks to the platform.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { CollectionDecl } from '../../cloudfunctions/shared/collections';
import { UPLOAD_PURPOSES } from '../../types/domain/files';
import { cacheControlFor } from '../../emulator/routes/caching';
import type { IndexSpec, Rule, TimerTrigger } from './platform';

/**
 * Secrets each function reads from its environment, generated on the first deploy and kept on the
 * function (the next deploy reads them back), never written to the repository or dist.
 */
export const FUNCTION_SECRETS: Record<string, string[]> = {
  duty: ['DUTY_CODE_SECRET'],
};

/**
 * Secrets the platform issues and a person downloads (they cannot be generated): the deploy reads
 * the file named by `fromFile` (an environment variable of the shell that deploys, pointing outside
 * the repository) and sets its content on the function; without it, a value already on the
 * function is kept.
 */
export const PROVIDED_SECRETS: Record<string, { name: string; fromFile: string }[]> = {
  // The custom-login private key (云开发 → 登录授权 → 自定义登录), for staff signing in on a PC.
  account: [{ name: 'CUSTOM_LOGIN_KEY', fromFile: 'CUSTOM_LOGIN_KEY_PATH' }],
};

/**
 * Limits a function reads with a default in its code (`Number(process.env.X) || default`): the
 * deploy sets none of them; a test lowers one through the emulator, and an operator could set one
 * on a function by hand.
 */
export const TUNABLE_LIMITS = [
  'LXQ_PROGRESS_MAX_MEMBERS',
  'LXQ_REPORT_COUNT_MAX_AUTHORS',
  'LXQ_PROPOSAL_COUNT_MAX_PROPOSERS',
  'LXQ_REMIND_PAGE',
];

/** Variables the platform sets on every function (read by shared/ code, never by the deploy). */
export const PLATFORM_VARIABLES = [
  'TCB_ENV',
  'SCF_NAMESPACE',
  'TCB_CONTEXT_KEYS',
  'TCB_CONTEXT_CNFG',
  'TCB_UUID',
  'TCB_CUSTOM_USER_ID',
  'TCB_ISANONYMOUS_USER',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'TENCENTCLOUD_RUNENV',
];

/**
 * Clients upload into `<purpose>/<openid>/<file>` (photos of concerns, replies and liaison
 * records; notice attachments; station photos), only photos or PDF, and only files they own: the platform stamps
 * each upload with the uploader's openid, so `resource.openid == auth.openid` also stops anyone
 * overwriting or deleting another person's file, and a client reads only its own uploads (others'
 * files reach people as temporary links from functions). The rule language cannot compare a path
 * segment with `auth.openid`, so a file put under someone else's folder is still the uploader's,
 * and the functions take a file only from the caller's own folder. The emulator enforces the same
 * (emulator/storage/policy.ts).
 */
export const UPLOAD_FOLDERS: readonly string[] = UPLOAD_PURPOSES;
const UPLOAD_KINDS = ['jpe?g', 'png', 'gif', 'webp', 'pdf'];

// The mini-program's caller is known by openid; the PC console's (signed in by custom login) by uid,
// which the platform records as the file's owner. Anonymous web visitors write nothing.
const owner =
  "auth != null && (resource.openid == auth.openid || (auth.loginType == 'CUSTOM' && resource.openid == auth.uid))";
export const STORAGE_RULE: Rule = {
  read: owner,
  write: `${owner} && /^(${UPLOAD_FOLDERS.join('|')})\\/[A-Za-z0-9_-]{1,64}\\/[^\\/]+\\.(${UPLOAD_KINDS.join('|')})$/.test(resource.path) == true`,
};

/** Where the environment keeps the hash of each function's bundle, to skip unchanged code. */
export const BUNDLE_HASH_VAR = 'LXQ_BUNDLE_SHA256';

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  rule: Rule;
}

export interface FunctionDecl {
  name: string;
  dir: string;
  timeout: number;
  triggers: TimerTrigger[];
  openapi: string[];
  /** Plain settings from config.json's `envVariables`; secrets are added by the plan. */
  env: Record<string, string>;
  /** Names of the secrets generated on first deploy. */
  secrets: string[];
  /** Secrets supplied at deploy time; `value` is null when the person gave none this time. */
  provided: { name: string; fromFile: string; value: string | null }[];
  codeHash: string;
}

export interface HostingSpec {
  dir: string;
  /** Each file with the Cache-Control it is served with (the emulator's rule: hashed assets a year, index.html revalidated). */
  files: { path: string; localPath: string; md5: string; cacheControl: string }[];
}

export interface WeappSpec {
  dir: string;
  version: string;
  description: string;
  hash: string;
}

export interface Desired {
  collections: CollectionSpec[];
  storageRule: Rule;
  functions: FunctionDecl[];
  hosting: HostingSpec | null;
  weapp: WeappSpec | null;
}

export function collectionSpecs(decls: CollectionDecl[]): CollectionSpec[] {
  return decls.map((c) => ({
    name: c.name,
    rule: { ...c.rule },
    indexes: c.indexes.map((i) => ({
      name: i.name,
      unique: !!i.unique,
      keys: i.fields.map(([field, direction]) => ({ field, direction })),
    })),
  }));
}

interface FunctionConfig {
  timeout?: number;
  triggers?: { name: string; type: string; config: string }[];
  permissions?: { openapi?: string[] };
  envVariables?: Record<string, string>;
}

/** Reads each built function folder (dist/cloudfunctions/<name>: index.js, package.json, config.json). */
export function functionDecls(root: string): FunctionDecl[] {
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'config.json')))
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as FunctionConfig;
      return {
        name,
        dir,
        timeout: config.timeout ?? 3,
        triggers: (config.triggers ?? [])
          .filter((t) => t.type === 'timer')
          .map((t) => ({ name: t.name, config: t.config })),
        openapi: config.permissions?.openapi ?? [],
        env: config.envVariables ?? {},
        secrets: FUNCTION_SECRETS[name] ?? [],
        provided: (PROVIDED_SECRETS[name] ?? []).map((p) => ({ ...p, value: readProvided(p.fromFile) })),
        codeHash: hashDir(dir),
      };
    });
}

export function hostingSpec(dir: string): HostingSpec | null {
  if (!existsSync(dir)) return null;
  return {
    dir,
    files: listFiles(dir).map((localPath) => ({
      path: relative(dir, localPath).split(sep).join('/'),
      localPath,
      md5: createHash('md5').update(readFileSync(localPath)).digest('hex'),
      cacheControl: cacheControlFor(relative(dir, localPath).split(sep).join('/')),
    })),
  };
}

export function weappSpec(dir: string, version: string, description: string): WeappSpec | null {
  if (!existsSync(dir)) return null;
  return { dir, version, description, hash: hashDir(dir) };
}

/** One hash over every file's path and content, so any change to a build changes it. */
export function hashDir(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) {
    hash.update(relative(dir, file).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

export interface DesiredOptions {
  /** The build folder: cloudfunctions/, h5/ and weapp/ in it. */
  dist: string;
  version: string;
  description: string;
  h5: boolean;
  weapp: boolean;
}

export function loadDesired(collections: CollectionDecl[], o: DesiredOptions): Desired {
  return {
    collections: collectionSpecs(collections),
    storageRule: STORAGE_RULE,
    functions: functionDecls(join(o.dist, 'cloudfunctions')),
    hosting: o.h5 ? hostingSpec(join(o.dist, 'h5')) : null,
    weapp: o.weapp ? weappSpec(join(o.dist, 'weapp'), o.version, o.description) : null,
  };
}

/** The content of the file an environment variable names; the file must be outside the repository. */
function readProvided(variable: string): string | null {
  const path = process.env[variable];
  if (!path) return null;
  const full = resolve(path);
  if (full.startsWith(resolve(__dirname, '..', '..') + sep))
    throw new Error(`${variable} 指向仓库里的文件：密钥请放在仓库之外`);
  return readFileSync(full, 'utf8').trim();
}
