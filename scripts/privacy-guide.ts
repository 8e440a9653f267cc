/**
 * The text to file in the WeChat console as 《用户隐私保护指引》 (设置 → 服务内容声明), from the
 * client's one privacy declaration (client/src/privacy.ts): printed, and written to
 * <dist>/privacy-guide.txt so a release carries the guide that matches its code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVACY_ITEMS, requiredPrivateInfos } from '../client/src/privacy';
import { DIST } from './paths';

export function privacyGuide(): string {
  const lines = [
    '《用户隐私保护指引》填写内容（由 client/src/privacy.ts 生成，勿手改）',
    '',
    '处理的信息（在“开发者将……用于……”中选择对应项并填写用途）：',
    ...PRIVACY_ITEMS.map(
      (i) => `- ${i.name}（${i.key}）：${i.collected}。用于：${i.purpose}。涉及接口：${i.apis.join('、')}`,
    ),
    '',
    `app.json requiredPrivateInfos：${requiredPrivateInfos().join('、')}`,
  ];
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  const text = privacyGuide();
  mkdirSync(DIST, { recursive: true });
  writeFileSync(join(DIST, 'privacy-guide.txt'), text);
  process.stdout.write(text);
}
