import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A labelled form field with the server's message for it underneath. */
export function Field(p: { label: string; required?: boolean; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <View className="field">
      <View className="field__label">
        {p.label}
        {p.required && <Text className="field__required">*</Text>}
      </View>
      <View className={`field__box ${p.error ? 'field__box--error' : ''}`}>{p.children}</View>
      {p.error ? (
        <View className="field__error">{p.error}</View>
      ) : p.hint ? (
        <View className="field__hint">{p.hint}</View>
      ) : null}
    </View>
  );
}
