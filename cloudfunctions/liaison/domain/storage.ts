/** Exported workbooks go to cloud storage and leave as a link valid for an hour. */
import { cloud } from '../../shared/cloud';

interface Storage {
  uploadFile(p: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(p: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number }[];
  }>;
}

const storage = cloud as unknown as Storage;

export async function putFile(cloudPath: string, content: Uint8Array): Promise<string> {
  const { fileID } = await storage.uploadFile({ cloudPath, fileContent: Buffer.from(content) });
  const { fileList } = await storage.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] });
  return fileList[0]?.tempFileURL ?? '';
}
