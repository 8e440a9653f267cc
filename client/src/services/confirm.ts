import Taro from '@tarojs/taro';

/** Asks before an act that cannot be taken back; resolves true only on the confirm button. */
export async function confirm(p: {
  title: string;
  content?: string;
  confirmText?: string;
  cancelText?: string;
}): Promise<boolean> {
  try {
    const r = await Taro.showModal({
      title: p.title,
      content: p.content ?? '',
      confirmText: p.confirmText ?? '确定',
      cancelText: p.cancelText ?? '取消',
    });
    return !!r.confirm;
  } catch {
    return false;
  }
}
