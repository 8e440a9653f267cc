import Taro from '@tarojs/taro';
import { TEMPLATES, type TemplateKey } from '@lxq/types/domain/notify';
import { call } from './call';
import { getOpenid } from './identity';
import { randomId } from './random';

type Answer = 'accept' | 'reject' | 'ban';

/**
 * Asks for subscribe-message permission for these templates. Call it inside a tap handler (WeChat
 * only shows the dialog on a tap). Each acceptance allows one push; the answers are recorded on
 * the server. Never throws: a refusal or a failure here must not stop what the tap was for.
 */
export const askToSubscribe: (templates: TemplateKey[]) => Promise<Record<TemplateKey, Answer> | null> =
  // Subscribe messages reach people in the mini-program; a PC signed in to the console has none
  // to ask for (a constant choice: that build carries no emulator stand-in).
  LXQ_WEB_CLOUD ? () => Promise.resolve(null) : askAndRecord;

async function askAndRecord(templates: TemplateKey[]): Promise<Record<TemplateKey, Answer> | null> {
  try {
    const answers = process.env.TARO_ENV === 'weapp' ? await askWeChat(templates) : await askInEmulator(templates);
    await call(
      'account.recordSubscriptions',
      { answers: templates.map((template) => ({ template, answer: answers[template] })) },
      { requestId: randomId(24) },
    );
    return answers;
  } catch {
    return null;
  }
}

async function askWeChat(templates: TemplateKey[]): Promise<Record<TemplateKey, Answer>> {
  const res = (await Taro.requestSubscribeMessage({
    tmplIds: templates.map((t) => TEMPLATES[t].id),
  } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
  return Object.fromEntries(templates.map((t) => [t, normalise(res[TEMPLATES[t].id])])) as Record<TemplateKey, Answer>;
}

/** The browser has no WeChat dialog: the emulator's stand-in asks with a modal and grants there. */
async function askInEmulator(templates: TemplateKey[]): Promise<Record<TemplateKey, Answer>> {
  const { confirm } = await Taro.showModal({
    title: '接收消息提醒',
    content: `允许「连心桥」发送：${templates.map((t) => TEMPLATES[t].title).join('、')}`,
    confirmText: '允许',
    cancelText: '拒绝',
  });
  const result: Answer = confirm ? 'accept' : 'reject';
  await fetch('/__cloud/subscribe', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: getOpenid(), templateIds: templates.map((t) => TEMPLATES[t].id), result }),
  });
  return Object.fromEntries(templates.map((t) => [t, result])) as Record<TemplateKey, Answer>;
}

function normalise(answer: string | undefined): Answer {
  return answer === 'accept' ? 'accept' : answer === 'ban' ? 'ban' : 'reject';
}
