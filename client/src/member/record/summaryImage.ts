/**
 * The one-page summary of a member's year or term (its years one by one) as an image they can share: drawn on a 2D canvas (an
 * offscreen one in the weapp, a detached one in the browser) with the same drawing code, then
 * offered to WeChat's share-image menu, or downloaded as a PNG in the browser.
 */
import Taro from '@tarojs/taro';
import type { ActionOutput } from '@lxq/types';

type Dossier = ActionOutput<'liaison.dossier'>;

const W = 750;
const H = 1000;

interface Ctx2D {
  fillStyle: string;
  font: string;
  textAlign: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(t: string, x: number, y: number): void;
}

export function drawSummary(ctx: Ctx2D, d: Dossier, name: string) {
  const f = d.figures;
  ctx.fillStyle = '#b4282d';
  ctx.fillRect(0, 0, W, 220);
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  // A term's label is longer (十三届（2026年至今）): a smaller face keeps it inside the band.
  ctx.font = d.term ? 'bold 44px sans-serif' : 'bold 52px sans-serif';
  ctx.fillText(`${d.label}履职档案`, W / 2, 110);
  ctx.font = '34px sans-serif';
  ctx.fillText(name, W / 2, 170);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 220, W, H - 220);
  const cells: [string, string][] = [
    ['值班到岗', `${f.attended} / ${f.shifts} 次`],
    ['接待群众', `${f.receptions} 批 ${f.receptionPeople} 人次`],
    ['联系活动', `${f.activities} 次`],
    ['联系群众', `${f.personTimes} 人次`],
    ['答复诉求', `${f.answered} 件`],
    ['按时答复', `${f.answeredOnTime} 件`],
  ];
  cells.forEach(([label, value], i) => {
    const x = i % 2 === 0 ? W / 4 : (W * 3) / 4;
    const y = 320 + Math.floor(i / 2) * 200;
    ctx.fillStyle = '#1f2329';
    ctx.font = 'bold 48px sans-serif';
    ctx.fillText(value, x, y + 40);
    ctx.fillStyle = '#8a8f99';
    ctx.font = '30px sans-serif';
    ctx.fillText(label, x, y + 95);
  });
  if (d.byYear.length) {
    ctx.fillStyle = '#1f2329';
    ctx.font = '26px sans-serif';
    ctx.fillText('各年度联系活动', W / 2, 868);
    ctx.font = '24px sans-serif';
    ctx.fillText(d.byYear.map((y) => `${y.year}年 ${y.figures.activities}次`).join(' · '), W / 2, 910);
  }
  ctx.fillStyle = '#8a8f99';
  ctx.font = '26px sans-serif';
  ctx.fillText('连心桥 · 委员联系界别群众', W / 2, H - 30);
}

export async function shareSummary(d: Dossier, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    drawSummary(canvas.getContext('2d') as unknown as Ctx2D, d, name);
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = `${d.label}履职概况-${name}.png`;
    a.click();
    return;
  }
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: W, height: H }) as unknown as {
    getContext(k: '2d'): Ctx2D;
  };
  drawSummary(canvas.getContext('2d'), d, name);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as unknown as Taro.canvasToTempFilePath.Option);
  await Taro.showShareImageMenu({ path: tempFilePath });
}
