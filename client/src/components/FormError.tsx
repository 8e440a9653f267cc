import { View } from '@tarojs/components';
import type { CallError } from '../services/errors';

/**
 * The one place a form says what went wrong as a whole: a refusal not tied to a field (or content
 * flagged as risky), or a dropped network — then whether the draft is safe on the phone.
 * Field messages stay under their fields.
 */
export function FormError(p: { error: CallError | null; fieldErrors?: Record<string, string>; draftKept?: boolean }) {
  const e = p.error;
  if (!e) return null;
  const onField = Object.keys(p.fieldErrors ?? e.fields).length > 0;
  if (onField && e.code !== 'CONTENT_RISKY') return null;
  const text =
    e.network && p.draftKept ? '网络不稳定，已填的内容保存在手机上，网络恢复后再点提交即可（不会重复提交）' : e.message;
  return (
    <View className="banner-error" role="alert">
      {text}
    </View>
  );
}
