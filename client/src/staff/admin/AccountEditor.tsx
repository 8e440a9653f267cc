import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AccountRow, AdminUnit } from '@lxq/types';
import { ROLE_LABELS } from '@lxq/types/roles';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { confirm } from '../../services/confirm';
import { Button } from '../../ui/button';
import { ChoiceChips } from './AdminTabs';

const GRANTABLE = (['member', 'staff', 'admin'] as const).map((r) => ({ _id: r, name: ROLE_LABELS[r] }));

/** One account opened from the table: its roles and unit, or its access revoked (after a confirmation). */
export function AccountEditor(p: { account: AccountRow; units: AdminUnit[]; onDone: () => void; onClose: () => void }) {
  const { account } = p;
  const [roles, setRoles] = useState<string[]>(account.roles.filter((r) => r !== 'citizen'));
  const [unitId, setUnitId] = useState(account.unitId);
  const update = useMutation('admin.updateAccount');
  const revoke = useMutation('admin.revokeAccount');
  const open = p.units.filter((u) => !u.retired);
  const unitIndex = Math.max(
    0,
    open.findIndex((u) => u._id === unitId),
  );
  return (
    <View className="card" aria-label={`编辑账号 ${account.name}`}>
      <View className="row">
        <View className="card-title">{account.name}</View>
        <View className="spacer" />
        <Button fill="none" onClick={p.onClose}>
          关闭
        </Button>
      </View>
      <FormError error={update.error ?? revoke.error} fieldErrors={{}} />
      <Field label="身份" error={update.fieldErrors.roles}>
        <ChoiceChips label="身份" options={GRANTABLE} value={roles} onChange={setRoles} />
      </Field>
      <Field label="所属单位" error={update.fieldErrors.unitId}>
        <Picker
          mode="selector"
          range={open.map((u) => u.name)}
          value={unitIndex}
          onChange={(e) => setUnitId(open[Number(e.detail.value)]?._id ?? unitId)}
        >
          <View className="picker-value">
            <Text>{open.find((u) => u._id === unitId)?.name ?? account.unitName}</Text>
            <Text className="muted">›</Text>
          </View>
        </Picker>
      </Field>
      <View className="adm-actions">
        <Button
          type="primary"
          disabled={update.loading || roles.length === 0}
          onClick={async () => {
            const done = await update.run({
              userId: account._id,
              roles: roles as ('member' | 'staff' | 'admin')[],
              unitId,
            });
            if (done) p.onDone();
          }}
        >
          {account.status === 'active' ? '保存' : '保存并恢复使用'}
        </Button>
        {account.status === 'revoked' ? null : (
          <Button
            type="danger"
            fill="outline"
            disabled={revoke.loading}
            onClick={async () => {
              const ok = await confirm({
                title: '停用账号',
                content: `停用「${account.name}」？其身份立即失效，已有记录和历史保留，之后可以恢复。`,
                confirmText: '停用',
              });
              if (ok && (await revoke.run({ userId: account._id }))) p.onDone();
            }}
          >
            停用
          </Button>
        )}
      </View>
    </View>
  );
}
