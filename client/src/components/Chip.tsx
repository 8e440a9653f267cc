import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A small label: red-tinted by default, or white on the red header. */
export function Chip({
  children,
  tone = 'red',
  className = '',
}: {
  children: ReactNode;
  tone?: 'red' | 'light';
  className?: string;
}) {
  return <Text className={`chip chip--${tone} ${className}`}>{children}</Text>;
}
