import { createSign } from 'node:crypto';
import { AppError } from './errors';

/**
 * The custom-login private key a deployer downloads from the CloudBase console (登录方式 →
 * 自定义登录 → 私钥下载) and puts, as the file's JSON text, in the account function's environment
 * variable CUSTOM_LOGIN_KEY.
 */
interface CustomLoginKey {
  private_key_id: string;
  private_key: string;
  env_id: string;
}

function loadKey(): CustomLoginKey {
  let key: Partial<CustomLoginKey> = {};
  try {
    key = JSON.parse(process.env.CUSTOM_LOGIN_KEY ?? '{}') as Partial<CustomLoginKey>;
  } catch {
    key = {};
  }
  if (!key.private_key_id || !key.private_key || !key.env_id) {
    throw new AppError('INTERNAL', '电脑端登录尚未开通：请管理员在云函数 account 中配置自定义登录私钥');
  }
  return key as CustomLoginKey;
}

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

/**
 * A custom-login ticket for `customUserId`, exactly what @cloudbase/node-sdk's
 * `auth().createTicket()` makes (`<private_key_id>/@@/<RS256 JWT>`, valid 10 minutes), written
 * out here so the function needs no second SDK. The web SDK trades it for a login state with
 * `auth.signInWithCustomTicket()`.
 */
export function createTicket(customUserId: string, now: Date): string {
  const key = loadKey();
  const env = process.env.TCB_ENV || process.env.SCF_NAMESPACE || '';
  if (key.env_id !== env) throw new AppError('INTERNAL', '自定义登录私钥不属于当前云环境，请重新下载');
  const iat = now.getTime();
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({
      alg: 'RS256',
      env,
      iat,
      exp: iat + 10 * 60 * 1000,
      uid: customUserId,
      refresh: 3600 * 1000,
      expire: iat + 7 * 24 * 3600 * 1000,
    }),
  );
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.private_key);
  return `${key.private_key_id}/@@/${header}.${payload}.${b64url(signature)}`;
}
