import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { GRID_KIND_LABELS } from '@lxq/types/domain/liaison';
import { Field } from '../../components/Field';
import { Choices } from '../../components/LiaisonParts';
import { ListState } from '../../components/ListState';
import { StaffScreen } from '../components/StaffScreen';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { usePaged } from '../../hooks/usePaged';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import './index.scss';

interface Draft {
  /** `${kind}:${groupId}` of the chosen committee or sector. */
  group: string;
  leaderId: string;
  memberIds: string[];
}
const EMPTY: Draft = { group: '', leaderId: '', memberIds: [] };

/**
 * 网格化联系 (staff): which members each special-committee director or sector convener liaises
 * with, in the staff's subtree — list the groups, add members (making a group the first time),
 * take members out.
 */
export default function StaffGridPage() {
  const { isStaff, loading: meLoading } = useMe();
  const groups = usePaged('liaison.gridGroups', {}, { pageSize: 20, enabled: isStaff });
  const options = useQuery('liaison.gridOptions', isStaff ? {} : null, String(isStaff));
  const add = useMutation('liaison.gridAdd');
  const remove = useMutation('liaison.gridRemove');
  const [draft, setDraft] = useState<Draft | null>(null);
  const choices = options.data?.groups ?? [];
  const chosen = choices.find((g) => `${g.kind}:${g._id}` === draft?.group);
  const unitId = chosen?.unitId ?? '';
  const members = usePaged('org.unitMembers', { unitId }, { key: unitId, enabled: !!unitId, pageSize: 50 });
  const people = members.items;
  // Offered as members: the unit's members but the leader and those already in the leader's group.
  const existing = groups.items.find(
    (g) => `${g.kind}:${g.groupId}` === draft?.group && g.leaderId === draft?.leaderId,
  );
  const offered = people.filter((u) => u._id !== draft?.leaderId && !existing?.members.some((m) => m.userId === u._id));
  const e = add.fieldErrors;

  const open = (d: Draft = EMPTY) => {
    add.reset();
    setDraft(d);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };
  const save = async () => {
    if (!draft || !chosen) return;
    const res = await add.run({
      kind: chosen.kind,
      groupId: chosen._id,
      leaderId: draft.leaderId,
      memberIds: draft.memberIds,
    });
    if (!res) return;
    setDraft(null);
    void Taro.showToast({ title: res.added ? `已添加 ${res.added} 位委员` : '所选委员已在组内', icon: 'success' });
    void groups.reload();
  };
  const onRemove = async (id: string, memberId: string, name: string, leaderName: string) => {
    const { confirm } = await Taro.showModal({
      title: `移除${name}？`,
      content: `${leaderName}将不再联系${name}`,
      confirmText: '移除',
    });
    if (!confirm) return;
    if (await remove.run({ id, memberId })) void groups.reload();
  };

  if (!meLoading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">网格化联系管理仅供政协工作人员使用。</View>
      </StaffScreen>
    );
  }
  return (
    <StaffScreen wide>
      <View className="staff-liaison-head row">
        <View>
          <View className="card-title">网格化联系</View>
          <View className="muted">专委会主任、界别召集人与其联系的委员</View>
        </View>
        <View className="spacer" />
        {draft ? null : (
          <Button type="primary" size="small" onClick={() => open()}>
            添加联系
          </Button>
        )}
      </View>

      {draft ? (
        <View className="card grid-form">
          <Field label="专委会或界别" required error={e.groupId}>
            <Picker
              mode="selector"
              range={choices.map((g) => `${g.name}（${g.unitName}·${g.kind === 'committee' ? '专委会' : '界别'}）`)}
              value={Math.max(0, choices.indexOf(chosen!))}
              onChange={(ev) => {
                const g = choices[Number(ev.detail.value)];
                setDraft({ ...EMPTY, group: `${g.kind}:${g._id}` });
              }}
            >
              <Text className="date-chip">{chosen ? chosen.name : '请选择'} ▾</Text>
            </Picker>
          </Field>
          {chosen ? (
            <>
              <Field label={chosen.kind === 'committee' ? '主任、副主任' : '召集人'} required error={e.leaderId}>
                <Picker
                  mode="selector"
                  range={people.map((u) => `${u.name}${u.sectorName ? `（${u.sectorName}）` : ''}`)}
                  value={Math.max(
                    0,
                    people.findIndex((u) => u._id === draft.leaderId),
                  )}
                  onChange={(ev) => {
                    const leaderId = people[Number(ev.detail.value)]._id;
                    setDraft({ ...draft, leaderId, memberIds: draft.memberIds.filter((m) => m !== leaderId) });
                  }}
                >
                  <Text className="date-chip">{people.find((u) => u._id === draft.leaderId)?.name ?? '请选择'} ▾</Text>
                </Picker>
              </Field>
              <Field label="联系的委员" required error={e.memberIds}>
                <Choices
                  multi
                  options={offered.map((u) => u._id)}
                  labels={Object.fromEntries(offered.map((u) => [u._id, u.name]))}
                  value={draft.memberIds}
                  onChange={(memberIds) => setDraft({ ...draft, memberIds })}
                />
                {!offered.length && !members.loading ? <View className="muted">没有可添加的委员</View> : null}
                {members.hasMore ? (
                  <View className="link grid-form__more" onClick={() => void members.loadMore()}>
                    更多委员
                  </View>
                ) : null}
              </Field>
            </>
          ) : null}
          {add.error && !Object.keys(e).length ? <View className="banner-error">{add.error.message}</View> : null}
          <View className="row" style={{ gap: '16px' }}>
            <Button type="primary" size="small" loading={add.loading} disabled={!chosen} onClick={() => void save()}>
              保存
            </Button>
            <Button size="small" onClick={() => setDraft(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}

      {remove.error ? <View className="banner-error">{remove.error.message}</View> : null}
      {groups.items.map((g) => (
        <View key={g._id} className="card grid-group">
          <View className="row">
            <View>
              <View className="grid-group__name">{g.groupName}</View>
              <View className="muted">
                {GRID_KIND_LABELS[g.kind]} · {g.leaderName}联系 {g.members.length} 位
              </View>
            </View>
            <View className="spacer" />
            <Text
              className="link grid-group__add"
              onClick={() => open({ group: `${g.kind}:${g.groupId}`, leaderId: g.leaderId, memberIds: [] })}
            >
              添加委员
            </Text>
          </View>
          {g.members.map((m) => (
            <View key={m.userId} className="grid-group__member row">
              <Text>{m.name}</Text>
              <Text className="muted" style={{ marginLeft: '12px' }}>
                {m.sectorName}
              </Text>
              <View className="spacer" />
              <Text className="link" onClick={() => void onRemove(g._id, m.userId, m.name, g.leaderName)}>
                移除
              </Text>
            </View>
          ))}
        </View>
      ))}
      <ListState list={groups} emptyText="还没有网格化联系组，点“添加联系”建立" />
    </StaffScreen>
  );
}
