import Taro from '@tarojs/taro';
import { useMe } from '../../hooks/useMe';

/**
 * The header's right end: the signed-in person (their unit is at the header's left), and the way out. Sign-out itself
 * (and other signed-in devices) lives on 我的; this slot links there until the web sign-in adds
 * its own button here. Desktop console only (h5).
 */
export function HeaderAccount() {
  const { me } = useMe();
  return (
    <span className="desk-account">
      <span className="desk-account__name">{me?.name || '未登录'}</span>
      <a
        className="desk-link"
        href="#/pages/me/index"
        onClick={(e) => {
          e.preventDefault();
          void Taro.navigateTo({ url: '/pages/me/index' });
        }}
      >
        我的 · 退出登录
      </a>
    </span>
  );
}
