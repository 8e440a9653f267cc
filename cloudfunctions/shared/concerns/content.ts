import type { UploadPurpose } from '@lxq/types';
import { riskyImages, textIsRisky } from '../cloud';
import { AppError } from '../errors';
import { checkFiles, photoRefs } from '../files';

/**
 * User text and photos pass WeChat's content check before anything is stored; a risky one is
 * refused with CONTENT_RISKY on the field it came from, and nothing is kept. Photos must first be
 * the caller's own uploads in the folder of `photosFolder` (checkFiles).
 */
export async function checkContent(
  openid: string,
  parts: { text: string; textField: string; photos?: string[]; photosField?: string; photosFolder?: UploadPurpose },
) {
  if (parts.photos?.length) {
    await checkFiles(openid, parts.photosFolder ?? 'concerns', photoRefs(parts.photos, parts.photosField));
  }
  const [textRisky, images] = await Promise.all([
    parts.text ? textIsRisky(parts.text, openid) : Promise.resolve(false),
    parts.photos?.length ? riskyImages(parts.photos) : Promise.resolve([]),
  ]);
  if (textRisky) {
    throw new AppError('CONTENT_RISKY', '内容含有不适宜发布的信息，请修改后再提交', {
      [parts.textField]: '内容未通过安全检查，请修改后再提交',
    });
  }
  if (images.length) {
    throw new AppError('CONTENT_RISKY', `有 ${images.length} 张照片未通过安全检查，请更换后再提交`, {
      [parts.photosField ?? 'photos']: '照片未通过安全检查，请删除或更换',
    });
  }
}
