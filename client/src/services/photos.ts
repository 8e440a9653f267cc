import Taro from '@tarojs/taro';
import { uploadFolder, type UploadPurpose } from '@lxq/types/domain/files';
import { call } from './call';
import { getOpenid } from './identity';

let weappOpenid: Promise<string> | null = null;

/** Whose folder uploads go to: the server takes a file only from the caller's own. */
function myOpenid(): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(getOpenid());
  weappOpenid ??= call('account.me', {}).then(
    (me) => me.openid,
    (err: unknown) => {
      weappOpenid = null;
      throw err;
    },
  );
  return weappOpenid;
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

/**
 * Puts a local file (a WeChat temp path, or in the browser an object URL) into cloud storage at
 * `cloudPath` and answers its fileID. `keepPath` stores it exactly there in the browser too (the
 * emulator otherwise files it by month).
 */
export async function uploadFile(localPath: string, cloudPath: string, keepPath = true): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: localPath });
    return res.fileID;
  }
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
