import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { LoadFailed } from '../../components/LoadFailed';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';
import { StaffScreen } from '../components/StaffScreen';
import { AdminTabs } from './AdminTabs';
import { CommitteesCard, StationsCard } from './CommitteesCard';
import { ListsCard } from './ListsCard';
import { SectorsCard } from './SectorsCard';
import { UnitCard } from './UnitCard';
import './admin.scss';

/**
 * 组织架构: the admin's subtree of units on the left; the unit chosen, its sectors, committees,
 * workstations and lists beside it. Retired units stay in the tree, marked, read-only.
 */
export default function AdminOrgPage() {
  const { me, loading } = useMe();
  const isAdmin = !!me?.roles.includes('admin');
  const [version, setVersion] = useState(0);
  const [chosen, setChosen] = useState('');
  const tree = useQuery('admin.orgTree', isAdmin ? {} : null, `${isAdmin}|${version}`);
  const units = tree.data?.items ?? [];
  const unitId = chosen || tree.data?.scopeUnitId || '';
  const detail = useQuery('admin.orgDetail', unitId ? { unitId } : null, `${unitId}|${version}`);
  const unit = units.find((u) => u._id === unitId);
  const changed = (id?: string) => {
    if (id) setChosen(id);
    setVersion((v) => v + 1);
  };
  const depth0 = units[0]?.path.length ?? 1;
  // While a unit's records are being re-pathed (迁移中), its progress is re-read every few seconds.
  const moving = units.some((u) => u.moving);
  const reloadTree = tree.reload;
  useEffect(() => {
    if (!moving) return undefined;
    const timer = setInterval(() => void reloadTree(), 3000);
    return () => clearInterval(timer);
  }, [moving, reloadTree]);

  if (!loading && !isAdmin) {
    return (
      <StaffScreen>
        <View className="card muted">系统管理仅供管理员使用。</View>
      </StaffScreen>
    );
  }
  return (
    <StaffScreen wide>
      <View className="adm">
        <AdminTabs />
        {tree.error ? <LoadFailed message={tree.error.message} onRetry={() => void tree.reload()} /> : null}
        <View className="adm-layout">
          <View className="adm-layout__side card">
            <View className="card-title" style={{ marginBottom: '12px' }}>
              单位
            </View>
            <View className="adm-units" role="listbox" aria-label="单位">
              {units.map((u) => (
                <View
                  key={u._id}
                  role="option"
                  aria-selected={u._id === unitId}
                  className={`adm-units__item ${u._id === unitId ? 'adm-units__item--on' : ''} ${
                    u.retired ? 'adm-units__item--retired' : ''
                  }`}
                  style={{ paddingLeft: `${20 + (u.path.length - depth0) * 32}px` }}
                  onClick={() => setChosen(u._id)}
                >
                  {u.name}
                  {u.retired ? '（已撤销）' : ''}
                  {u.moving ? '（迁移中）' : ''}
                </View>
              ))}
            </View>
          </View>
          <View className="adm-layout__main">
            {unit ? (
              <UnitCard
                key={`${unit._id}|${unit.name}`}
                unit={unit}
                units={units}
                scopeUnitId={tree.data?.scopeUnitId ?? ''}
                onChanged={changed}
              />
            ) : null}
            {detail.error ? <LoadFailed message={detail.error.message} onRetry={() => void detail.reload()} /> : null}
            {detail.data && detail.data.unit._id === unitId ? (
              <>
                <SectorsCard detail={detail.data} onChanged={changed} />
                <CommitteesCard detail={detail.data} onChanged={changed} />
                <StationsCard detail={detail.data} onChanged={changed} />
                <ListsCard detail={detail.data} onChanged={changed} />
              </>
            ) : null}
          </View>
        </View>
      </View>
    </StaffScreen>
  );
}
