import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useLargeText } from '../services/textScale';
import { useSignInGate } from '../services/useSignInGate';
import { IdentitySwitcher } from './IdentitySwitcher';
import { TabBar, type TabKey } from './TabBar';

/** Every page's frame: background, padding, the tab bar on tab pages, the h5 identity picker, 大字模式. */
export function Screen({ tab, wide, children }: { tab?: TabKey; wide?: boolean; children?: ReactNode }) {
  const large = useLargeText();
  if (useSignInGate()) return null;
  return (
    <View className={`page ${tab ? 'page--tabbed' : ''} ${large ? 'page--large' : ''}`}>
      <View className={wide ? 'page-inner page-inner--wide' : 'page-inner'}>{children}</View>
      {tab && <TabBar current={tab} />}
      {process.env.TARO_ENV === 'h5' && <IdentitySwitcher />}
    </View>
  );
}
