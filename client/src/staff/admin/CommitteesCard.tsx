import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionOutput } from '@lxq/types';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { ChoiceChips } from './AdminTabs';
import { MemberPicker } from './SectorsCard';

type Detail = ActionOutput<'admin.orgDetail'>;

/** Special committees (专委会) with their directors, linked to sectors and workstations. */
export function CommitteesCard(p: { detail: Detail; onChanged: () => void }) {
  const { detail } = p;
  const [editing, setEditing] = useState('');
  const [name, setName] = useState('');
  const [directorId, setDirectorId] = useState<string | null>(null);
  const [sectorIds, setSectorIds] = useState<string[]>([]);
  const [workstationIds, setWorkstationIds] = useState<string[]>([]);
  const save = useMutation('admin.saveCommittee');
  const sectorName = new Map(detail.sectors.map((s) => [s._id, s.name]));
  const stationName = new Map(detail.workstations.map((w) => [w._id, w.name]));
  const open = (id: string) => {
    const c = detail.committees.find((x) => x._id === id);
    setEditing(id);
    setName(c?.name ?? '');
    setDirectorId(c?.directorId ?? null);
    setSectorIds(c?.sectorIds ?? []);
    setWorkstationIds(c?.workstationIds ?? []);
    save.reset();
  };
  const readOnly = detail.unit.retired;
  const names = (ids: string[], map: Map<string, string>) =>
    ids
      .map((id) => map.get(id) ?? '')
      .filter(Boolean)
      .join('、');
  return (
    <View className="card" id="adm-committees">
      <View className="card-title">专委会（{detail.committees.length}）</View>
      {detail.committees.map((c) => (
        <View key={c._id} className="adm-line">
          <Text className="adm-line__name">{c.name}</Text>
          <Text className="adm-line__meta">主任：{c.directorName || '未设'}</Text>
          <Text className="adm-line__meta">
            界别：{names(c.sectorIds, sectorName) || '无'}；工作站：{names(c.workstationIds, stationName) || '无'}
          </Text>
          <View className="spacer" />
          {readOnly ? null : (
            <Button fill="none" onClick={() => open(c._id)} aria-label={`修改专委会 ${c.name}`}>
              修改
            </Button>
          )}
        </View>
      ))}
      {detail.committees.length === 0 ? <View className="muted">还没有专委会</View> : null}
      {readOnly ? null : (
        <View className="adm-form">
          <FormError error={save.error} fieldErrors={save.fieldErrors} />
          <Field label={editing ? '修改专委会' : '新增专委会'} required error={save.fieldErrors.name}>
            <Input
              value={name}
              maxLength={30}
              placeholder="如：提案委员会"
              onChange={setName}
              aria-label="专委会名称"
            />
          </Field>
          <Field label="主任" error={save.fieldErrors.directorId}>
            <MemberPicker label="主任" members={detail.members} value={directorId} onChange={setDirectorId} />
          </Field>
          <Field label="联系的界别" error={save.fieldErrors.sectorIds}>
            <ChoiceChips label="联系的界别" options={detail.sectors} value={sectorIds} onChange={setSectorIds} />
          </Field>
          <Field label="联系的工作站" error={save.fieldErrors.workstationIds}>
            <ChoiceChips
              label="联系的工作站"
              options={detail.workstations}
              value={workstationIds}
              onChange={setWorkstationIds}
            />
          </Field>
          <View className="adm-actions">
            <Button
              type="primary"
              disabled={save.loading || !name.trim()}
              onClick={async () => {
                const done = await save.run({
                  unitId: detail.unit._id,
                  ...(editing ? { committeeId: editing } : {}),
                  name: name.trim(),
                  directorId,
                  sectorIds,
                  workstationIds,
                });
                if (done) {
                  open('');
                  p.onChanged();
                }
              }}
            >
              保存专委会
            </Button>
            {editing ? <Button onClick={() => open('')}>取消修改</Button> : null}
          </View>
        </View>
      )}
    </View>
  );
}

/** Which sectors each workstation serves. */
export function StationsCard(p: { detail: Detail; onChanged: () => void }) {
  const { detail } = p;
  const [editing, setEditing] = useState('');
  const [sectorIds, setSectorIds] = useState<string[]>([]);
  const save = useMutation('admin.linkWorkstation');
  const sectorName = new Map(detail.sectors.map((s) => [s._id, s.name]));
  return (
    <View className="card">
      <View className="card-title">工作站关联界别（{detail.workstations.length}）</View>
      {detail.workstations.map((w) => (
        <View key={w._id}>
          <View className="adm-line">
            <Text className="adm-line__name">{w.name}</Text>
            <Text className="adm-line__meta">
              {w.sectorIds
                .map((id) => sectorName.get(id))
                .filter(Boolean)
                .join('、') || '未关联界别'}
            </Text>
            <View className="spacer" />
            {detail.unit.retired || editing === w._id ? null : (
              <Button
                fill="none"
                onClick={() => {
                  setEditing(w._id);
                  setSectorIds(w.sectorIds.filter((id) => sectorName.has(id)));
                  save.reset();
                }}
              >
                关联界别
              </Button>
            )}
          </View>
          {editing === w._id ? (
            <View className="adm-form">
              <FormError error={save.error} fieldErrors={{}} />
              <ChoiceChips
                label={`${w.name}关联的界别`}
                options={detail.sectors}
                value={sectorIds}
                onChange={setSectorIds}
              />
              <View className="adm-actions">
                <Button
                  type="primary"
                  disabled={save.loading}
                  onClick={async () => {
                    if (await save.run({ workstationId: w._id, sectorIds })) {
                      setEditing('');
                      p.onChanged();
                    }
                  }}
                >
                  保存
                </Button>
                <Button onClick={() => setEditing('')}>取消</Button>
              </View>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
