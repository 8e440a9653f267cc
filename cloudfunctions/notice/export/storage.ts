/** Cloud storage for the notice function: the exported workbooks and attachment links. */
import { cloud } from '../../shared/cloud';

interface Storage {
  uploadFile(p: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(p: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number }[];
  }>;
}

const storage = cloud as unknown as Storage;

/** Stores the file and answers a link that works for an hour. */
export async function putFile(cloudPath: string, content: Uint8Array): Promise<string> {
  const { fileID } = await storage.uploadFile({ cloudPath, fileContent: Buffer.from(content) });
  return (await tempUrls([fileID])).get(fileID) ?? '';
}

export async function tempUrls(fileIds: string[]): Promise<Map<string, string>> {
  if (!fileIds.length) return new Map();
  const { fileList } = await storage.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: 3600 })) });
  return new Map(fileList.filter((f) => f.status === 0).map((f) => [f.fileID, f.tempFileURL]));
}
