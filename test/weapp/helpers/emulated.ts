/**
 * Weapp pages against the real backend: wx.cloud.callFunction goes to an in-process emulator
 * running the built functions (test/integration/system.ts), as the caller `as` says. So a page
 * test can tap a button and then read what the function stored.
 *
 *   const sys = await startSystem();   // before bootApp(): the SDK picks its HTTP adapter first
 *   bootApp();
 *   const cloud = routeToEmulator(sys, WHO.member, { me: staffMe }); // account.me stays canned
 *   cloud.as('o_someone_else');
 */
import type { System } from '../../integration/system';

interface Wx {
  cloud: {
    callFunction: (o: { name: string; data: Record<string, unknown>; success?: (r: unknown) => void }) => unknown;
  };
}

export function routeToEmulator(sys: System, openid: string, fixed: { me?: unknown } = {}) {
  let caller = openid;
  const wx = (globalThis as unknown as { wx: Wx }).wx;
  wx.cloud.callFunction = (opts) => {
    // The app asks who it is once, at launch: `me` keeps that answer whoever calls later.
    const p =
      fixed.me && opts.name === 'account' && opts.data.action === 'me'
        ? Promise.resolve({ result: { ok: true, data: fixed.me } })
        : sys.emulator.callFunction(opts.name, opts.data, caller).then((result) => ({ result }));
    if (opts.success) void p.then(opts.success);
    return p;
  };
  return {
    /** Calls from now on come from `openid`. */
    as(next: string) {
      caller = next;
    },
  };
}
