import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionOutput } from '@lxq/types';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';

type Detail = ActionOutput<'admin.orgDetail'>;

/** A member picker with 「不设」 first: pressing 确定 without scrolling sets nobody. */
export function MemberPicker(p: {
  label: string;
  members: Detail['members'];
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const index = p.members.findIndex((m) => m._id === p.value) + 1;
  const name = p.members.find((m) => m._id === p.value)?.name;
  return (
    <Picker
      mode="selector"
      range={['不设', ...p.members.map((m) => m.name)]}
      value={index}
      onChange={(e) => p.onChange(p.members[Number(e.detail.value) - 1]?._id ?? null)}
    >
      <View className="picker-value" aria-label={p.label}>
        <Text className={name ? '' : 'muted'}>{name ?? `选择${p.label}（本单位委员）`}</Text>
        <Text className="muted">›</Text>
      </View>
    </Picker>
  );
}

/** The unit's sectors (界别) with their conveners; a row opens the form to change it. */
export function SectorsCard(p: { detail: Detail; onChanged: () => void }) {
  const { detail } = p;
  const [editing, setEditing] = useState<string>('');
  const [name, setName] = useState('');
  const [convenerId, setConvenerId] = useState<string | null>(null);
  const save = useMutation('admin.saveSector');
  const open = (id: string) => {
    const s = detail.sectors.find((x) => x._id === id);
    setEditing(id);
    setName(s?.name ?? '');
    setConvenerId(s?.convenerId ?? null);
    save.reset();
  };
  const readOnly = detail.unit.retired;
  return (
    <View className="card" id="adm-sectors">
      <View className="card-title">界别（{detail.sectors.length}）</View>
      {detail.sectors.map((s) => (
        <View key={s._id} className="adm-line">
          <Text className="adm-line__name">{s.name}</Text>
          <Text className="adm-line__meta">召集人：{s.convenerName || '未设'}</Text>
          <View className="spacer" />
          {readOnly ? null : (
            <Button fill="none" onClick={() => open(s._id)} aria-label={`修改界别 ${s.name}`}>
              修改
            </Button>
          )}
        </View>
      ))}
      {detail.sectors.length === 0 ? <View className="muted">还没有界别</View> : null}
      {readOnly ? null : (
        <View className="adm-form">
          <FormError error={save.error} fieldErrors={save.fieldErrors} />
          <Field label={editing ? '修改界别' : '新增界别'} required error={save.fieldErrors.name}>
            <Input value={name} maxLength={20} placeholder="如：文化艺术界" onChange={setName} aria-label="界别名称" />
          </Field>
          <Field label="召集人" error={save.fieldErrors.convenerId}>
            <MemberPicker label="召集人" members={detail.members} value={convenerId} onChange={setConvenerId} />
          </Field>
          <View className="adm-actions">
            <Button
              type="primary"
              disabled={save.loading || !name.trim()}
              onClick={async () => {
                const done = await save.run({
                  unitId: detail.unit._id,
                  ...(editing ? { sectorId: editing } : {}),
                  name: name.trim(),
                  convenerId,
                });
                if (done) {
                  open('');
                  p.onChanged();
                }
              }}
            >
              保存界别
            </Button>
            {editing ? <Button onClick={() => open('')}>取消修改</Button> : null}
          </View>
        </View>
      )}
    </View>
  );
}
