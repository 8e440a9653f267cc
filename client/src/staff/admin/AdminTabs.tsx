import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';

const TABS = [
  { url: '/staff/admin/index', title: '组织架构' },
  { url: '/staff/admin/accounts', title: '账号与换届' },
  { url: '/staff/admin/import', title: '批量导入' },
  { url: '/staff/admin/audit', title: '操作日志' },
];

/** The admin console's pages, one tap apart (the menu has one entry for all of them). */
export function AdminTabs() {
  const path = useRouter().path.split('?')[0];
  return (
    <View className="adm-tabs" role="tablist">
      {TABS.map((t) => (
        <View
          key={t.url}
          role="tab"
          aria-selected={t.url === path}
          className={`adm-tabs__tab ${t.url === path ? 'adm-tabs__tab--on' : ''}`}
          onClick={() => t.url !== path && void Taro.redirectTo({ url: t.url })}
        >
          {t.title}
        </View>
      ))}
    </View>
  );
}

/** Toggle chips for a multiple choice (sectors, workstations): 44 px high, ✓ as well as colour. */
export function ChoiceChips(p: {
  label: string;
  options: { _id: string; name: string }[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <View className="county-chips" role="group" aria-label={p.label}>
      {p.options.map((o) => {
        const on = p.value.includes(o._id);
        return (
          <View
            key={o._id}
            role="checkbox"
            aria-checked={on}
            className={`county-chip ${on ? 'county-chip--on' : ''}`}
            onClick={() => p.onChange(on ? p.value.filter((v) => v !== o._id) : [...p.value, o._id])}
          >
            {on ? '✓ ' : ''}
            {o.name}
          </View>
        );
      })}
    </View>
  );
}
