import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AdminUnit } from '@lxq/types';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { call } from '../../services/call';
import { confirm } from '../../services/confirm';
import { toCallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';

/**
 * 换届: the members of one unit's ending term lose the member role in one step, after a
 * confirmation that names how many; then the new term is invited by import.
 */
export function TermCard(p: { units: AdminUnit[]; scopeUnitId: string; onDone: () => void }) {
  const open = p.units.filter((u) => !u.retired);
  const [unitId, setUnitId] = useState('');
  const [term, setTerm] = useState('');
  const [note, setNote] = useState('');
  const [ended, setEnded] = useState<number | null>(null);
  const end = useMutation('admin.endTerm');
  // The admin's own unit until another is chosen.
  const unit = open.find((u) => u._id === (unitId || p.scopeUnitId));

  const run = async () => {
    setNote('');
    setEnded(null);
    if (!unit) return setNote('请选择单位');
    if (term.trim().length < 2) return setNote('请填写届次名称，如：第十届');
    let count = 0;
    try {
      count = (await call('admin.termPreview', { unitId: unit._id })).count;
    } catch (e) {
      return setNote(toCallError(e).message);
    }
    if (!count) return setNote(`「${unit.name}」现在没有委员，无需换届`);
    const ok = await confirm({
      title: '确认换届',
      content: `将结束「${unit.name}」${term.trim()} ${count} 名委员的任期。账号、记录和历史全部保留，之后请导入新一届委员名单。`,
      confirmText: '确认换届',
    });
    if (!ok) return;
    const done = await end.run({ unitId: unit._id, term: term.trim(), count });
    if (done) {
      setEnded(done.ended);
      p.onDone();
    }
  };

  return (
    <View className="card" id="adm-term">
      <View className="card-title">换届</View>
      <View className="muted" style={{ margin: '8px 0 16px' }}>
        结束一个单位本届全部委员的任期（兼任工作人员的保留工作人员身份），再导入新一届名单。
      </View>
      <FormError error={end.error} fieldErrors={{}} />
      {note ? <View className="banner-error">{note}</View> : null}
      <Field label="单位" required>
        <Picker
          mode="selector"
          range={open.map((u) => u.name)}
          onChange={(e) => setUnitId(open[Number(e.detail.value)]?._id ?? '')}
        >
          <View className="picker-value" aria-label="换届单位">
            <Text className={unit ? '' : 'muted'}>{unit?.name ?? '请选择单位'}</Text>
            <Text className="muted">›</Text>
          </View>
        </Picker>
      </Field>
      <Field label="结束的届次" required error={end.fieldErrors.term}>
        <Input value={term} maxLength={20} placeholder="如：第十届" onChange={setTerm} aria-label="结束的届次" />
      </Field>
      <View className="adm-actions">
        <Button type="danger" disabled={end.loading} onClick={() => void run()}>
          换届：结束本届委员任期
        </Button>
      </View>
      {ended !== null ? (
        <View className="card" style={{ marginTop: '16px', background: '#e9f7ef' }} role="status">
          <View>已结束 {ended} 名委员的任期。</View>
          <Button type="primary" onClick={() => void Taro.redirectTo({ url: '/staff/admin/import' })}>
            导入新一届名单
          </Button>
        </View>
      ) : null}
    </View>
  );
}
