/**
 * What the deploy needs from WeChat Cloud, and nothing more: read what an environment has, and
 * change one thing at a time. `cloudbase.ts` implements it with the platform's management SDK;
 * tests use a recording stand-in. Every write is one observable change, so a run that stops half
 * way is resumed by planning again from what the environment then has.
 */

export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  name: string;
  unique: boolean;
  keys: IndexKey[];
}

/** A security rule as the platform stores it: read and write, each a boolean or an expression. */
export interface Rule {
  read: boolean | string;
  write: boolean | string;
}

export interface HostedUpload {
  localPath: string;
  path: string;
  cacheControl: string;
}

export interface TimerTrigger {
  name: string;
  /** Seven-field cron, as in config.json. */
  config: string;
}

/** A function as deployed: its settings and its environment variables (secrets included). */
export interface FunctionState {
  name: string;
  timeout: number;
  env: Record<string, string>;
  triggers: TimerTrigger[];
}

/** A function to deploy: its settings, where its bundle is, and which openapis config.json declares. */
export interface FunctionSpec extends FunctionState {
  dir: string;
  openapi: string[];
}

export interface HostedFile {
  path: string;
  md5: string;
}

/** What the weapp upload left behind, so a redeploy of the same build uploads nothing. */
export interface WeappRecord {
  version: string;
  hash: string;
}

export interface Platform {
  listCollections(): Promise<string[]>;
  /** The collection's indexes, without the built-in `_id` one. */
  getIndexes(collection: string): Promise<IndexSpec[]>;
  getCollectionRule(collection: string): Promise<Rule | null>;
  getStorageRule(): Promise<Rule | null>;
  getFunction(name: string): Promise<FunctionState | null>;
  listHostedFiles(): Promise<HostedFile[]>;
  getWeappRecord(): Promise<WeappRecord | null>;

  createCollection(name: string): Promise<void>;
  createIndex(collection: string, index: IndexSpec): Promise<void>;
  dropIndex(collection: string, name: string): Promise<void>;
  setCollectionRule(collection: string, rule: Rule): Promise<void>;
  setStorageRule(rule: Rule): Promise<void>;
  /** Creates the function with its code, settings and triggers. */
  createFunction(fn: FunctionSpec): Promise<void>;
  updateFunctionCode(fn: FunctionSpec): Promise<void>;
  updateFunctionConfig(name: string, timeout: number, env: Record<string, string>): Promise<void>;
  createTrigger(fn: string, trigger: TimerTrigger): Promise<void>;
  deleteTrigger(fn: string, name: string): Promise<void>;
  /**
   * Uploads files to static hosting, each to its path with the Cache-Control it is served with
   * (a failure leaves some uploaded, some not).
   */
  uploadHostedFiles(files: HostedUpload[]): Promise<void>;
  /** Uploads the weapp as a new version and records it (see WeappRecord). */
  uploadWeapp(dir: string, version: string, description: string, hash: string): Promise<void>;
}
