import { Image, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { InvitableRole, InvitationView } from '@lxq/types';
import { INVITABLE_ROLES, ROLE_LABELS } from '@lxq/types/roles';
import { Field } from '../../components/Field';
import { ListState } from '../../components/ListState';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { InvitationTable } from './InvitationTable';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { usePaged } from '../../hooks/usePaged';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

const STATUS_LABELS: Record<InvitationView['status'], [string, string]> = {
  open: ['待使用', 'inv-status--open'],
  used: ['已使用', 'inv-status--used'],
  expired: ['已过期', 'inv-status--expired'],
};

export default function StaffInvitationsPage() {
  const { isStaff, loading: meLoading, me } = useMe();
  const [name, setName] = useState('');
  const [role, setRole] = useState<InvitableRole>('member');
  const [unitId, setUnitId] = useState('');
  const [sectorId, setSectorId] = useState('');
  const [created, setCreated] = useState<InvitationView | null>(null);
  const [sectorError, setSectorError] = useState('');
  const desktop = useDesktop();
  // Only an admin may invite an admin: a staff member is not offered what the server refuses.
  // Handlers (承办单位) are invited from the proposal console, where their department is chosen.
  const grantable = INVITABLE_ROLES.filter((r) => r !== 'handler' && (r !== 'admin' || me?.roles.includes('admin')));

  const units = useQuery('org.listUnits', isStaff ? {} : null, String(isStaff));
  const unitItems = useMemo(() => units.data?.items ?? [], [units.data]);
  // Default to the caller's own unit once the list is known.
  useEffect(() => {
    if (!unitId && unitItems.length) {
      const own = unitItems.find((u) => u._id === me?.unit?._id) ?? unitItems[0];
      setUnitId(own._id);
    }
  }, [unitItems, unitId, me]);

  const sectors = useQuery('org.listSectors', role === 'member' && unitId ? { unitId } : null, `${role}|${unitId}`);
  const sectorItems = useMemo(() => (role === 'member' ? (sectors.data?.items ?? []) : []), [role, sectors.data]);

  const create = useMutation('account.createInvitation');
  const list = usePaged(
    'account.listInvitations',
    {},
    { pageSize: 20, enabled: isStaff && !desktop, key: created?._id ?? '' },
  );

  const unitIndex = Math.max(
    0,
    unitItems.findIndex((u) => u._id === unitId),
  );
  // Index 0 is 「请选择界别」: pressing 确定 without scrolling chooses nothing, not the first 界别.
  const sectorIndex = sectorItems.findIndex((s) => s._id === sectorId) + 1;
  const unitName = unitItems.find((u) => u._id === unitId)?.name;
  const sectorName = sectorItems.find((s) => s._id === sectorId)?.name;

  const onCreate = async () => {
    if (role === 'member' && sectorItems.length && !sectorId) {
      setSectorError('请选择界别');
      return;
    }
    const result = await create.run({
      name: name.trim(),
      role,
      unitId,
      sectorId: role === 'member' && sectorId ? sectorId : undefined,
    });
    if (result) {
      setCreated(result);
      setName('');
    }
  };

  if (!meLoading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">邀请码管理仅供政协工作人员和管理员使用。</View>
      </StaffScreen>
    );
  }

  const errors = create.fieldErrors;
  const generalError = create.error && Object.keys(create.error.fields).length === 0 ? create.error.message : '';

  return (
    <StaffScreen wide>
      <View className="inv-layout">
        <View className="inv-layout__form">
          {created ? <Created created={created} /> : null}
          <View className="card">
            <View className="card-title" style={{ marginBottom: '24px' }}>
              新建邀请
            </View>
            {generalError ? <View className="banner-error">{generalError}</View> : null}
            <Field label="被邀请人姓名" required error={errors.name}>
              <Input
                value={name}
                maxLength={20}
                placeholder="与本人身份证一致"
                onChange={(v) => {
                  setName(v);
                  create.clearFieldError('name');
                }}
              />
            </Field>
            <Field label="身份" required error={errors.role}>
              <Radio.Group
                value={role}
                direction="horizontal"
                shape="button"
                onChange={(v) => {
                  setRole(v as InvitableRole);
                  create.clearFieldError('role');
                }}
              >
                {grantable.map((r) => (
                  <Radio key={r} value={r} shape="button">
                    {ROLE_LABELS[r]}
                  </Radio>
                ))}
              </Radio.Group>
            </Field>
            <Field label="所属单位" required error={errors.unitId}>
              <Picker
                mode="selector"
                range={unitItems.map((u) => u.name)}
                value={unitIndex}
                onChange={(e) => {
                  const u = unitItems[Number(e.detail.value)];
                  if (u) {
                    setUnitId(u._id);
                    setSectorId('');
                    create.clearFieldError('unitId');
                  }
                }}
              >
                <View className="picker-value">
                  <Text className={unitName ? '' : 'muted'}>
                    {unitName ?? (units.loading ? '加载中…' : '请选择单位')}
                  </Text>
                  <Text className="muted">›</Text>
                </View>
              </Picker>
            </Field>
            {role === 'member' ? (
              <Field label="界别" required error={errors.sectorId ?? sectorError} hint="委员所在的界别">
                <Picker
                  mode="selector"
                  range={['请选择界别', ...sectorItems.map((s) => s.name)]}
                  value={sectorIndex}
                  onChange={(e) => {
                    const s = sectorItems[Number(e.detail.value) - 1];
                    setSectorId(s?._id ?? '');
                    if (s) setSectorError('');
                    create.clearFieldError('sectorId');
                  }}
                >
                  <View className="picker-value">
                    <Text className={sectorName ? '' : 'muted'}>
                      {sectorName ??
                        (sectors.loading ? '加载中…' : sectorItems.length ? '请选择界别' : '该单位暂无界别')}
                    </Text>
                    <Text className="muted">›</Text>
                  </View>
                </Picker>
              </Field>
            ) : null}
            <Button type="primary" block loading={create.loading} disabled={create.loading} onClick={onCreate}>
              生成邀请码
            </Button>
          </View>
        </View>

        {desktop ? (
          <View className="inv-layout__list">
            <InvitationTable reloadKey={created?._id ?? ''} />
          </View>
        ) : (
          <View className="inv-layout__list">
            <View className="section-title">已发出的邀请{list.total ? `（${list.total}）` : ''}</View>
            {list.items.map((inv) => {
              const [label, cls] = STATUS_LABELS[inv.status] ?? [inv.status, ''];
              return (
                <View key={inv._id} className="card inv-row">
                  <View className="row">
                    <Text className="inv-row__name">{inv.name}</Text>
                    <Text className="inv-row__role">{ROLE_LABELS[inv.role] ?? inv.role}</Text>
                    <View className="spacer" />
                    <Text className={`chip inv-status ${cls}`}>{label}</Text>
                  </View>
                  <View className="row muted inv-row__meta">
                    <Text className="inv-row__code">{inv.code}</Text>
                    <Text>{inv.unitName}</Text>
                    <View className="spacer" />
                    <Text>至 {formatChinaTime(inv.expiresAt, 'MM-DD HH:mm')}</Text>
                  </View>
                </View>
              );
            })}
            <ListState list={list} emptyText="还没有发出邀请" />
          </View>
        )}
      </View>
    </StaffScreen>
  );
}

/** The invitation just made, first on the page: the code, copy buttons, and the QR whole in its box. */
function Created({ created }: { created: InvitationView }) {
  const until = formatChinaTime(created.expiresAt);
  const copy = (data: string, what: string) =>
    void Taro.setClipboardData({ data }).then(() => Taro.showToast({ title: `${what}已复制`, icon: 'none' }));
  return (
    <View className="card inv-created">
      <View className="muted">已为「{created.name}」生成邀请码</View>
      <View className="inv-created__code">{created.code}</View>
      <View className="inv-created__actions">
        <Button size="small" type="primary" onClick={() => copy(created.code, '邀请码')}>
          复制邀请码
        </Button>
        <Button
          size="small"
          onClick={() =>
            copy(
              `${created.name}您好，请在「连心桥」小程序「我的 → 输入邀请码」中输入 ${created.code} 完成绑定，有效期至 ${until}。`,
              '邀请文字',
            )
          }
        >
          复制邀请文字
        </Button>
      </View>
      {created.qr ? <Image className="inv-created__qr" src={created.qr} mode="scaleToFill" /> : null}
      <View className="muted">请对方在「我的 → 输入邀请码」中输入，或用微信扫描二维码。有效期至 {until}。</View>
    </View>
  );
}
