/**
 * The meeting code's QR image as SVG, from qrcode's encoder and its SVG renderer alone: its main
 * entry also loads the PNG renderer (pngjs), which took the topic function over its 300 KB budget.
 */
const { create } = require('qrcode/lib/core/qrcode') as { create: (text: string, o: object) => unknown };
const { render } = require('qrcode/lib/renderer/svg-tag') as { render: (qr: unknown, o: object) => string };

/** A data URL an <Image> shows on the PC console and in WeChat alike. */
export function qrSvgDataUrl(text: string): string {
  const svg = render(create(text, { errorCorrectionLevel: 'M' }), { margin: 1, width: 360 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
