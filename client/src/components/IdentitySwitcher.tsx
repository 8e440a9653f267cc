import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_LABELS, type Role } from '@lxq/types/roles';
import { useMe } from '../hooks/useMe';
import { getIdentityName, getOpenid, setIdentity } from '../services/identity';
import { forgetWebLogin } from '../services/webLogin';
import './IdentitySwitcher.scss';

/**
 * "切换身份": only in the h5 build and only when the emulator answered GET /__cloud/accounts.
 * Choosing an account stores its openid and reloads the app, so every page asks again as that person.
 * `inline`: the console's menu holds the button in its foot, where a handle on the screen's edge
 * would cover the menu's entries.
 */
export function IdentitySwitcher({ inline = false }: { inline?: boolean }) {
  const { accounts, me } = useMe();
  const [open, setOpen] = useState(false);
  // Never in the production console: a constant, so the whole picker is dropped from that build.
  if (process.env.TARO_ENV !== 'h5' || LXQ_WEB_CLOUD || !accounts) return null;
  const current = getOpenid();
  const name = me?.name || getIdentityName() || '群众（本浏览器）';

  const choose = (openid: string | null, label: string | null) => {
    setIdentity(openid, label);
    setOpen(false);
    // A scan-made login would outrank the chosen identity: the shortcut replaces it.
    void forgetWebLogin().finally(() => window.location.reload());
  };

  return (
    <View className="idsw">
      {open && (
        <View className="idsw__mask" onClick={() => setOpen(false)}>
          <View className="idsw__sheet" onClick={(e) => e.stopPropagation()}>
            <View className="idsw__title">切换身份（仅本地演示环境） · 当前：{name}</View>
            <View
              className={`idsw__item ${current.startsWith('h5_') ? 'idsw__item--on' : ''}`}
              onClick={() => choose(null, null)}
            >
              <Text>群众（本浏览器）</Text>
              <Text className="idsw__roles">群众 · 每次选到的都是同一位，提交的诉求都在</Text>
            </View>
            {accounts.map((a) => (
              <View
                key={a.openid}
                className={`idsw__item ${a.openid === current ? 'idsw__item--on' : ''}`}
                onClick={() => choose(a.openid, a.name)}
              >
                <Text>{a.name}</Text>
                <Text className="idsw__roles">
                  {a.label || a.roles.map((r) => ROLE_LABELS[r as Role] ?? r).join(' · ')}
                </Text>
              </View>
            ))}
          </View>
        </View>
      )}
      <View className={inline ? 'idsw__inline' : 'idsw__fab'} onClick={() => setOpen(true)}>
        <Text>切换身份</Text>
      </View>
    </View>
  );
}
