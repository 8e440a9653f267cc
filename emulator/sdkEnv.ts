/**
 * Environment variables that point the unmodified wx-server-sdk at an emulator, for code that
 * runs outside a function (seed scripts, tests): `Object.assign(process.env, sdkEnvironment(url))`
 * then `require('wx-server-sdk').init({ env: cloud.DYNAMIC_CURRENT_ENV })`.
 * (Function workers set the same variables plus the caller identity; see functions/worker.js.)
 */
export function sdkEnvironment(
  adminUrl: string,
  opts: { envId?: string; appId?: string; openid?: string } = {},
): Record<string, string> {
  const envId = opts.envId ?? 'lxq-local';
  const env: Record<string, string> = {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: process.env.TENCENTCLOUD_REGION || 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'emulator-secret-id',
    TENCENTCLOUD_SECRETKEY: 'emulator-secret-key',
    TENCENTCLOUD_SESSIONTOKEN: 'emulator-session-token',
    WX_CONTEXT_KEYS: 'WX_APPID,WX_OPENID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6',
    WX_APPID: opts.appId ?? 'wx_emulator_appid',
    SILENCE: 'true',
  };
  if (opts.openid) env.WX_OPENID = opts.openid;
  return env;
}
