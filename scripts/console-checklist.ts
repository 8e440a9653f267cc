/**
 * What a person fills in once in the WeChat console (公众平台 and the cloud console) for
 * this code to work in production, generated from the code's declarations: the privacy guide
 * (client/src/privacy.ts), the subscribe-message templates (types/domain/notify.ts, checked
 * against what the functions send), the message push (functions' config.json `messagePush`) and
 * the domains. `npm run console:checklist` prints it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES } from '../types/domain/notify';
import { appPages, sentTemplates, templateChecklist, templateProblems } from './deploy/templates';
import { ROOT } from './paths';
import { privacyGuide } from './privacy-guide';

function messagePushes(): string[] {
  const dir = join(ROOT, 'cloudfunctions');
  return readdirSync(dir).flatMap((fn) => {
    try {
      const config = JSON.parse(readFileSync(join(dir, fn, 'config.json'), 'utf8')) as { messagePush?: string[] };
      return (config.messagePush ?? []).map((event) => `事件 ${event} → 云函数 ${fn}`);
    } catch {
      return [];
    }
  });
}

export function consoleChecklist(): string {
  const problems = templateProblems(
    TEMPLATES,
    sentTemplates(join(ROOT, 'cloudfunctions')),
    appPages(join(ROOT, 'client', 'src', 'app.config.ts')),
  );
  return [
    '微信后台一次性设置清单（由代码中的声明生成，勿手改）',
    '',
    '1. 设置 → 基本设置 → 服务类目：政务民生 › 政务服务（政协机关主体，上传主体证明）。',
    '2. 设置 → 服务内容声明 → 用户隐私保护指引：按下列内容填写并提交审核。',
    ...privacyGuide()
      .trim()
      .split('\n')
      .map((l) => `   ${l}`),
    '3. 功能 → 订阅消息 → 公共模板库：按类目选用下列模板（关键词与顺序一致），把模板 ID 填回 types/domain/notify.ts。',
    ...templateChecklist(TEMPLATES).map((l) => `   - ${l}`),
    ...(problems.length ? ['   待处理：', ...problems.map((p) => `   ！${p.message}`)] : []),
    '4. 云开发控制台 → 设置 → 消息推送：数据格式 JSON，按下列事件推送到云函数（图片内容安全的异步检查结果）。',
    ...messagePushes().map((l) => `   - ${l}`),
    '5. 开发 → 开发管理 → 服务器域名：不需要 request 合法域名（全部调用走云开发）；',
    '   downloadFile 合法域名加入云存储的下载域名（导出 Excel、通知附件在手机上打开）。',
    '6. 云开发控制台 → 身份验证：开启自定义登录并下载私钥（h5 管理端扫码登录，见 README「Deploying」）。',
    '7. 每次发版：npm run deploy -- --dry-run 无「！」项后再部署；提交审核时附隐私指引与类目证明。',
  ].join('\n');
}

if (require.main === module) process.stdout.write(consoleChecklist() + '\n');
