import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { FormError } from '../../components/FormError';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { StaffScreen } from '../components/StaffScreen';
import '../../components/ProposalParts.scss';

/** 承办单位: the departments proposals are handed to, and an invitation for a person of each. */
export default function HandlingUnitsPage() {
  const { me } = useMe();
  const units = useQuery('proposal.handlingUnits', {});
  const save = useMutation('proposal.saveHandlingUnit');
  const invite = useMutation('account.createInvitation');
  const [name, setName] = useState('');
  const [person, setPerson] = useState('');
  const [code, setCode] = useState<{ unit: string; code: string } | null>(null);
  const scope = me?.scopes[0]?._id ?? '';
  return (
    <StaffScreen wide>
      <View className="card">
        <View className="card-title">新增承办单位</View>
        <Input value={name} placeholder="如 会宁县教育局" onChange={setName} />
        <FormError error={save.error} fieldErrors={{}} />
        <View className="proposal-actions">
          <Button
            type="primary"
            size="small"
            loading={save.loading}
            onClick={async () => {
              if (await save.run({ name })) {
                setName('');
                void units.reload();
              }
            }}
          >
            新增
          </Button>
        </View>
      </View>
      <View className="card">
        <View className="card-title">承办单位</View>
        <View className="muted">每个单位可邀请经办人绑定，经办人只能看到交给本单位的提案。</View>
        <Input value={person} placeholder="经办人姓名（邀请前填写）" onChange={setPerson} />
        {(units.data ?? []).map((u) => (
          <View key={u._id} className="row proposal-reply">
            <Text style={{ flex: 1 }}>{u.name}</Text>
            <Button
              size="small"
              loading={invite.loading}
              onClick={async () => {
                const inv = await invite.run({ name: person, role: 'handler', unitId: scope, handlingUnitId: u._id });
                if (inv) setCode({ unit: u.name, code: inv.code });
              }}
            >
              邀请经办人
            </Button>
          </View>
        ))}
        <FormError error={invite.error} fieldErrors={{}} />
        {invite.fieldErrors.name ? <View className="field__error">{invite.fieldErrors.name}</View> : null}
        {code ? (
          <View className="card">
            {code.unit}经办人的邀请码：<Text className="card-title">{code.code}</Text>（7 天内有效，在小程序“我的 →
            输入邀请码”绑定）
          </View>
        ) : null}
      </View>
    </StaffScreen>
  );
}
