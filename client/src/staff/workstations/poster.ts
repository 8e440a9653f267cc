import Taro from '@tarojs/taro';

/**
 * The printable poster: the station's name over its mini-program code, composed on a canvas in
 * the client. A function cannot draw Chinese text into a PNG without a native canvas library and
 * CJK fonts (too heavy for a 300 KB bundle), while every phone and browser has both.
 */
const W = 1240;
const H = 1754; // A4 at 150 dpi

interface Canvas2D {
  getContext(type: '2d'): CanvasRenderingContext2D | null;
  toDataURL(type?: string): string;
}

function makeCanvas(): { canvas: Canvas2D; loadImage: (src: string) => Promise<CanvasImageSource> } {
  if (process.env.TARO_ENV === 'weapp') {
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: W, height: H }) as unknown as Canvas2D & {
      createImage(): HTMLImageElement;
    };
    return {
      canvas,
      loadImage: (src) =>
        new Promise((resolve, reject) => {
          const img = canvas.createImage();
          img.onload = () => resolve(img);
          img.onerror = () => reject(new Error('二维码图片加载失败'));
          img.src = src;
        }),
    };
  }
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  return {
    canvas,
    loadImage: (src) =>
      new Promise((resolve, reject) => {
        const img = new window.Image();
        img.onload = () => resolve(img);
        img.onerror = () => reject(new Error('二维码图片加载失败'));
        img.src = src;
      }),
  };
}

/** Lines of at most `max` characters (station names are short; long ones wrap). */
const wrap = (text: string, max: number) => text.match(new RegExp(`.{1,${max}}`, 'gu')) ?? [text];

/** What the poster tells a passer-by besides the code: where the station is and when it is open. */
export interface PosterFacts {
  address: string;
  openingHours: string;
  phone: string;
}

export async function composePoster(
  name: string,
  kindLabel: string,
  qrPng: string,
  facts: PosterFacts,
): Promise<string> {
  const { canvas, loadImage } = makeCanvas();
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('此设备不支持生成海报');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#b4282d';
  ctx.fillRect(0, 0, W, 260);
  ctx.textAlign = 'center';
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 64px "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  ctx.fillText('连心桥 · 委员联系界别群众', W / 2, 150);
  ctx.font = '36px "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  ctx.fillText(kindLabel, W / 2, 215);
  ctx.fillStyle = '#1f2329';
  ctx.font = 'bold 80px "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  wrap(name, 13).forEach((line, i) => ctx.fillText(line, W / 2, 420 + i * 100));
  const qr = await loadImage(qrPng);
  ctx.drawImage(qr, (W - 760) / 2, 620, 760, 760);
  ctx.fillStyle = '#5c6370';
  ctx.font = '44px "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  ctx.fillText('微信扫一扫，反映诉求、查看值班委员', W / 2, 1450);
  ctx.font = '34px "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  ctx.fillText('您的诉求会交给本站委员和工作人员跟进答复', W / 2, 1510);
  ctx.fillStyle = '#1f2329';
  ctx.font = '36px "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  const lines = [
    facts.address && `地址：${wrap(facts.address, 28)[0]}`,
    facts.openingHours && `接待时间：${wrap(facts.openingHours, 26)[0]}`,
    facts.phone && `联系电话：${facts.phone}`,
  ].filter(Boolean);
  lines.forEach((line, i) => ctx.fillText(line, W / 2, 1590 + i * 58));
  return canvas.toDataURL('image/png');
}

/** Lets staff keep the poster: a download in the browser, the photo album on WeChat. */
export async function savePoster(dataUrl: string, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const path = `${Taro.env.USER_DATA_PATH}/poster-${Date.now()}.png`;
    Taro.getFileSystemManager().writeFileSync(path, dataUrl.split(',')[1], 'base64');
    await Taro.saveImageToPhotosAlbum({ filePath: path });
    return;
  }
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = `${name}-海报.png`;
  a.click();
}
