import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { IdentitySwitcher } from './IdentitySwitcher';
import { TabBar, type TabKey } from './TabBar';

/** Every page's frame: background, padding, the tab bar on tab pages, the h5 identity picker. */
export function Screen({ tab, wide, children }: { tab?: TabKey; wide?: boolean; children?: ReactNode }) {
  return (
    <View className={`page ${tab ? 'page--tabbed' : ''}`}>
      <View className={wide ? 'page-inner page-inner--wide' : 'page-inner'}>{children}</View>
      {tab && <TabBar current={tab} />}
      {process.env.TARO_ENV === 'h5' && <IdentitySwitcher />}
    </View>
  );
}
