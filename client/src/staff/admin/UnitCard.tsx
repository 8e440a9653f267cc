import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AdminUnit } from '@lxq/types';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { confirm } from '../../services/confirm';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';

const CHILD: Record<AdminUnit['level'], AdminUnit['level'] | null> = {
  national: 'province',
  province: 'city',
  city: 'county',
  county: null,
};

/** The unit chosen in the tree: rename it, add a unit below it, move it, retire it. */
export function UnitCard(p: {
  unit: AdminUnit;
  units: AdminUnit[];
  scopeUnitId: string;
  onChanged: (id?: string) => void;
}) {
  const { unit } = p;
  const [name, setName] = useState(unit.name);
  const [child, setChild] = useState('');
  const rename = useMutation('admin.renameUnit');
  const create = useMutation('admin.createUnit');
  const move = useMutation('admin.moveUnit');
  const retire = useMutation('admin.retireUnit');
  // A unit moves under another unit of the level above its own, outside its own subtree.
  const parents = p.units.filter(
    (u) => !u.retired && CHILD[u.level] === unit.level && !u.path.includes(unit._id) && u._id !== unit.parentId,
  );
  const canMove = unit._id !== p.scopeUnitId && parents.length > 0 && !unit.moving;

  if (unit.retired) {
    return (
      <View className="card">
        <View className="card-title">{unit.name}</View>
        <View className="muted" style={{ marginTop: '12px' }}>
          该单位已撤销：其记录仅供查阅，不能再作更改。
        </View>
      </View>
    );
  }
  const error = rename.error ?? create.error ?? move.error ?? retire.error;
  return (
    <View className="card">
      <View className="card-title">{unit.name}</View>
      <FormError error={error} fieldErrors={{}} />
      {unit.moving ? (
        <View className="adm-moving" role="status">
          迁移中：正在把本单位的人员、工作站和各项记录改到新的上级单位之下，已更新 {unit.moving.done} 条（第{' '}
          {Math.min(unit.moving.step + 1, unit.moving.steps)}/{unit.moving.steps} 步）。完成前不能再调整上级单位。
        </View>
      ) : null}
      <Field label="单位名称" required error={rename.fieldErrors.name}>
        <Input value={name} maxLength={40} onChange={setName} aria-label="单位名称" />
      </Field>
      <View className="adm-actions">
        <Button
          disabled={rename.loading || name.trim() === unit.name}
          onClick={async () => (await rename.run({ unitId: unit._id, name: name.trim() })) && p.onChanged()}
        >
          保存名称
        </Button>
      </View>
      {CHILD[unit.level] ? (
        <View className="adm-form">
          <Field label="新增下级单位" error={create.fieldErrors.name ?? create.fieldErrors.parentId}>
            <Input
              value={child}
              maxLength={40}
              placeholder="如：政协某某县委员会"
              onChange={setChild}
              aria-label="下级单位名称"
            />
          </Field>
          <Button
            type="primary"
            disabled={create.loading || !child.trim()}
            onClick={async () => {
              const made = await create.run({ parentId: unit._id, name: child.trim() });
              if (made) {
                setChild('');
                p.onChanged(made._id);
              }
            }}
          >
            新增下级单位
          </Button>
        </View>
      ) : null}
      {canMove ? (
        <View className="adm-form">
          <Field
            label="调整上级单位"
            error={move.fieldErrors.parentId}
            hint="本单位及下级的人员、工作站和记录随之迁移，迁移期间显示“迁移中”"
          >
            <Picker
              mode="selector"
              range={parents.map((u) => u.name)}
              onChange={async (e) => {
                const to = parents[Number(e.detail.value)];
                if (!to) return;
                const ok = await confirm({
                  title: '调整上级单位',
                  content: `把「${unit.name}」移到「${to.name}」之下？其人员、工作站和各项记录将随之迁移，由「${to.name}」管辖。`,
                });
                if (ok && (await move.run({ unitId: unit._id, parentId: to._id }))) p.onChanged();
              }}
            >
              <View className="picker-value">
                <Text className="muted">选择新的上级单位</Text>
                <Text className="muted">›</Text>
              </View>
            </Picker>
          </Field>
        </View>
      ) : null}
      {unit._id !== p.scopeUnitId ? (
        <View className="adm-actions">
          <Button
            type="danger"
            fill="outline"
            disabled={retire.loading}
            onClick={async () => {
              const ok = await confirm({
                title: '撤销单位',
                content: `撤销「${unit.name}」及其下级单位？其记录保留、仅供查阅，人员不能再作更改。`,
                confirmText: '撤销',
              });
              if (ok && (await retire.run({ unitId: unit._id }))) p.onChanged();
            }}
          >
            撤销该单位
          </Button>
        </View>
      ) : null}
    </View>
  );
}
