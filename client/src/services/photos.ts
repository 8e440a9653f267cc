import Taro from '@tarojs/taro';
import { uploadFolder, type UploadPurpose } from '@lxq/types/domain/files';
import { call } from './call';
import { getOpenid } from './identity';
import { webBackend } from './webBackend';

let serverOpenid: Promise<string> | null = null;

/** Whether this browser page calls as a person signed in on the web (the PC console), not as 切换身份. */
const webSignedIn = () => process.env.TARO_ENV === 'h5' && (LXQ_WEB_CLOUD || webBackend.hasLogin());

/**
 * Whose folder uploads go to: the server takes a file only from the caller's own. The weapp and
 * the PC console ask the server who they are; the emulator's h5 pages know (切换身份).
 */
function myOpenid(): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp' && !webSignedIn()) return Promise.resolve(getOpenid());
  serverOpenid ??= call('account.me', {}).then(
    (me) => me.openid,
    (err: unknown) => {
      serverOpenid = null;
      throw err;
    },
  );
  return serverOpenid;
}

/**
 * Puts a chosen photo into the caller's folder for `purpose` in cloud storage and answers its
 * fileID. On WeChat the photo is compressed on the phone first; in the browser (the emulator's h5
 * build) it is sent as it is.
 */
export async function uploadPhoto(localPath: string, purpose: UploadPurpose): Promise<string> {
  const name = `${uploadFolder(purpose, await myOpenid())}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.jpg`;
  if (process.env.TARO_ENV === 'weapp') {
    const small = await Taro.compressImage({ src: localPath, quality: 70 }).catch(() => ({ tempFilePath: localPath }));
    return uploadFile(small.tempFilePath, name);
  }
  return uploadFile(localPath, name);
}

type Upload = (localPath: string, cloudPath: string, keepPath?: boolean) => Promise<string>;

/** The PC console uploads as its signed-in person, through the platform's storage. */
const uploadSignedIn: Upload = async (localPath, cloudPath) =>
  webBackend.uploadFile(cloudPath, await (await fetch(localPath)).blob());

/**
 * Puts a local file (a WeChat temp path, or in the browser an object URL) into cloud storage at
 * `cloudPath` and answers its fileID. `keepPath` stores it exactly there in the browser too (the
 * emulator otherwise files it by month). A constant choice, so that the production console has no
 * emulator path at all.
 */
export const uploadFile: Upload = LXQ_WEB_CLOUD ? uploadSignedIn : uploadOtherwise;

async function uploadOtherwise(localPath: string, cloudPath: string, keepPath = true): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: localPath });
    return res.fileID;
  }
  // A page of the emulator's h5 signed in by scan uploads as that person too.
  if (webBackend.hasLogin()) return uploadSignedIn(localPath, cloudPath);
  const blob = await (await fetch(localPath)).blob();
  const form = new FormData();
  form.append('file', blob, cloudPath.split('/').pop());
  if (keepPath) form.append('cloudPath', cloudPath);
  const res = await fetch('/__cloud/upload', { method: 'POST', headers: { 'X-WX-OPENID': getOpenid() }, body: form });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { fileID: string }).fileID;
}

/**
 * Lets the person pick up to `count` photos from the album or camera: chooseMedia, images only
 * (chooseImage is superseded by it on WeChat).
 */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return [];
  const res = await Taro.chooseMedia({
    count,
    mediaType: ['image'],
    sizeType: ['compressed'],
    sourceType: ['album', 'camera'],
  });
  return res.tempFiles.map((f) => f.tempFilePath);
}
