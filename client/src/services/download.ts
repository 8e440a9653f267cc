import Taro from '@tarojs/taro';

/** Opens an exported workbook: the browser downloads it; WeChat downloads and opens it in place. */
export async function openWorkbook(url: string, fileName: string, fileType: 'xlsx' | 'docx' = 'xlsx'): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    return;
  }
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true });
}
