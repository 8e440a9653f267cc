/**
 * The one check on a file an input refers to: it is in the caller's own folder of the purpose the
 * action is about, of a kind the product accepts, and it is really in cloud storage. Anything else
 * is refused with VALIDATION on the field it came from, before any other use of the file (a
 * missing file would otherwise fail later, in the image check, as INTERNAL). Existence costs one
 * storage call for all the files of an input, no database round trip.
 */
import { UPLOAD_KINDS, uploadFolder, type UploadKind, type UploadPurpose } from '@lxq/types';
import { cloud } from './cloud';
import { invalid } from './errors';

export interface FileRef {
  fileID: string;
  /** The input field it came from ("photos.0", "attachments.2"). */
  field: string;
  kind: UploadKind;
  /** How the person calls it in a message ("第 1 张照片", "附件「议程.pdf」"). */
  label: string;
}

const KIND_NAMES: Record<UploadKind, string> = { image: '图片', pdf: ' PDF ' };

/** The cloud path of a fileID (`cloud://<env>.<bucket>/<path>`), or '' when it is not one. */
export function cloudPathOf(fileID: string): string {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  return m ? m[1] : '';
}

export async function checkFiles(openid: string, purpose: UploadPurpose, refs: FileRef[]): Promise<void> {
  if (!refs.length) return;
  const folder = `${uploadFolder(purpose, openid)}/`;
  const fields: Record<string, string> = {};
  for (const ref of refs) {
    const path = cloudPathOf(ref.fileID);
    const name = path.startsWith(folder) ? path.slice(folder.length) : '';
    if (!openid || !name || name.includes('/') || name.includes('..') || name.includes('\\')) {
      fields[ref.field] = `${ref.label}不是您上传的文件，请重新上传`;
    } else if (!UPLOAD_KINDS[ref.kind].test(name)) {
      fields[ref.field] = `${ref.label}不是${KIND_NAMES[ref.kind]}文件，请重新上传`;
    }
  }
  if (!Object.keys(fields).length) {
    const present = await storedFiles(refs.map((r) => r.fileID));
    for (const ref of refs) if (!present.has(ref.fileID)) fields[ref.field] = `${ref.label}已不在云存储中，请重新上传`;
  }
  if (Object.keys(fields).length) throw invalid(fields);
}

/** Photos of an input field, as file references. */
export function photoRefs(fileIDs: readonly string[] | undefined, field = 'photos'): FileRef[] {
  return (fileIDs ?? []).map((fileID, i) => ({
    fileID,
    field: `${field}.${i}`,
    kind: 'image',
    label: `第 ${i + 1} 张照片`,
  }));
}

/** The fileIDs storage holds (getTempFileURL answers each file's code, or status on WeChat). */
async function storedFiles(fileIDs: string[]): Promise<Set<string>> {
  const { fileList } = (await cloud.getTempFileURL({ fileList: [...new Set(fileIDs)] })) as {
    fileList: { fileID: string; status?: number; code?: string; tempFileURL?: string }[];
  };
  return new Set(
    fileList
      .filter((f) => !!f.tempFileURL && (f.code ?? 'SUCCESS') === 'SUCCESS' && (f.status ?? 0) === 0)
      .map((f) => f.fileID),
  );
}
