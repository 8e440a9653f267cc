/**
 * The whole backend in-process: the emulator (strict indexes) running the built function bundles,
 * seeded with the demo. Tests call functions exactly as the h5 client does, as a given openid.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionInput, ActionName, ActionOutput, ActionResult } from '@lxq/types';
import { startEmulator, type Emulator } from '../../emulator';
import { sdkEnvironment } from '../../emulator/sdkEnv';
import { COLLECTIONS } from '../../cloudfunctions/shared/collections';
import { seed } from '../../scripts/seed';
import { DIST } from '../../scripts/paths';

export interface System {
  emulator: Emulator;
  /* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK ships no useful types */
  db: any;
  as(openid: string): Client;
  /** Stops the emulator and starts it again on the same data and port: every function instance is new. */
  restart?(): Promise<void>;
  stop(): Promise<void>;
}

export interface Client {
  call<N extends ActionName>(
    name: N,
    input: ActionInput<N>,
    requestId?: string,
  ): Promise<ActionResult<ActionOutput<N>>>;
  /** The data of a call that must succeed. */
  ok<N extends ActionName>(name: N, input: ActionInput<N>, requestId?: string): Promise<ActionOutput<N>>;
}

let counter = 0;
export const newRequestId = () =>
  `req_${Date.now().toString(36)}_${(counter++).toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

export async function startSystem(): Promise<System & { restart(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lxq-it-'));
  const options = {
    port: 0,
    dataDir,
    functionsDir: join(DIST, 'cloudfunctions'),
    collections: COLLECTIONS,
    strictIndexes: true,
    timers: false,
  };
  let emulator = await startEmulator(options);
  Object.assign(process.env, sdkEnvironment(emulator.adminUrl));
  await seed(dataDir, { shiftRunningNow: true });
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const db = cloud.database();

  const as = (openid: string): Client => {
    const call: Client['call'] = async (name, input, requestId) => {
      const [fn, action] = name.split('.');
      const mutating = requestId ?? newRequestId();
      return (await emulator.callFunction(fn, { action, input, requestId: mutating }, openid)) as never;
    };
    return {
      call,
      async ok(name, input, requestId) {
        const res = await call(name, input, requestId);
        if (!res.ok) throw new Error(`${name} failed: ${JSON.stringify(res.error)}`);
        return res.data;
      },
    };
  };
  const sys: System & { restart(): Promise<void> } = {
    emulator,
    db,
    as,
    async restart() {
      await emulator.stop();
      emulator = await startEmulator({ ...options, port: emulator.port });
      sys.emulator = emulator;
    },
    stop: () => emulator.stop(),
  };
  return sys;
}

/** Seeded identities (scripts/seed/people.ts). */
export const WHO = {
  admin: 'o_admin_baiyin',
  cityStaff: 'o_staff_baiyin',
  huiningStaff: 'o_staff_huining',
  jingyuanStaff: 'o_staff_jingyuan',
  member: 'o_member_02',
  citizen: 'o_citizen_demo',
} as const;
