import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMe } from '../hooks/useMe';
import { useUnread } from '../hooks/useUnread';
import './TabBar.scss';

export type TabKey = 'home' | 'mine' | 'member' | 'staff' | 'me';

interface Tab {
  key: TabKey;
  text: string;
  url: string;
  glyph: string;
}

const HOME: Tab = { key: 'home', text: '首页', url: '/pages/index/index', glyph: '⌂' };
const MINE: Tab = { key: 'mine', text: '我的诉求', url: '/pages/concern/mine', glyph: '✉' };
const MEMBER: Tab = { key: 'member', text: '委员', url: '/member/home/index', glyph: '★' };
const STAFF: Tab = { key: 'staff', text: '工作台', url: '/staff/concerns/index', glyph: '▤' };
const ME: Tab = { key: 'me', text: '我的', url: '/pages/me/index', glyph: '☺' };

/** Tabs by the caller's roles: everyone 首页 / 我的诉求 / 我的; members 委员; staff and admin 工作台. */
export function tabsFor(isMember: boolean, isStaff: boolean): Tab[] {
  return [HOME, MINE, ...(isMember ? [MEMBER] : []), ...(isStaff ? [STAFF] : []), ME];
}

/**
 * The bottom bar of the five tab pages. Drawn by each page (not the native tabBar) because the
 * 委员 and 工作台 tabs live in subpackages, which a native tabBar cannot point at, and because
 * Taro 4's h5 router does not render custom-tab-bar. Switching tabs relaunches, so the stack
 * stays one page deep, as with a real tab bar.
 */
export function TabBar({ current }: { current: TabKey }) {
  const { isMember, isStaff } = useMe();
  const tabs = tabsFor(isMember, isStaff);
  // Notices land in the member's inbox, which the 委员 tab leads to.
  const unread = useUnread(isMember);
  return (
    <View className="tabbar" role="tablist">
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`tabbar__item ${t.key === current ? 'tabbar__item--active' : ''}`}
          role="tab"
          aria-selected={t.key === current}
          onClick={() => {
            if (t.key !== current) void Taro.reLaunch({ url: t.url });
          }}
        >
          <Text className="tabbar__glyph">{t.glyph}</Text>
          {t.key === 'member' && unread > 0 ? (
            <Text className="tabbar__badge" aria-label={`${unread} 条未读`}>
              {unread > 99 ? '99+' : unread}
            </Text>
          ) : null}
          <Text className="tabbar__text">{t.text}</Text>
        </View>
      ))}
    </View>
  );
}
