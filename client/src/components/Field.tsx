import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * A labelled form field with its message underneath. `count` shows how much of the limit is used,
 * under the box (never over the text), and turns red past it: a page never cuts text silently.
 */
export function Field(p: {
  label: string;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  count?: { value: string; max: number };
  /** Where the first error scrolls to (an element id). */
  anchor?: string;
  className?: string;
  children: ReactNode;
}) {
  // Counted as the server counts (UTF-16 units after trim), so the counter and the message agree.
  const n = p.count ? p.count.value.trim().length : 0;
  const over = !!p.count && n > p.count.max;
  const note = p.error ? (
    <View className="field__error">{p.error}</View>
  ) : p.hint ? (
    <View className="field__hint">{p.hint}</View>
  ) : (
    <View />
  );
  return (
    <View className={`field ${p.className ?? ''}`} id={p.anchor}>
      <View className="field__label">
        {p.label}
        {p.required && <Text className="field__required">*</Text>}
      </View>
      <View className={`field__box ${p.error || over ? 'field__box--error' : ''}`}>{p.children}</View>
      {p.count ? (
        <View className="field__foot">
          <View className="field__foot-note">{note}</View>
          <Text className={`field__count ${over ? 'field__count--over' : ''}`}>
            {over ? `超出 ${n - p.count.max} 字 · ` : ''}
            {n}/{p.count.max}
          </Text>
        </View>
      ) : (
        note
      )}
    </View>
  );
}
