import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { DEFAULT_CONCERN_LIMITS } from '@lxq/types/domain/concern';
import { Field } from '../../components/Field';
import { Pending } from '../../components/LoadFailed';
import { StaffScreen } from '../components/StaffScreen';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';

type DayKey = 'acceptWorkingDays' | 'replyDays' | 'retentionYears';
const DAY_FIELDS: { key: DayKey; label: string; hint: string; placeholder: string }[] = [
  {
    key: 'acceptWorkingDays',
    label: '受理或不予受理（工作日）',
    hint: '提交后多少个工作日内须受理或说明不予受理的理由',
    placeholder: '1–30',
  },
  {
    key: 'replyDays',
    label: '首次答复（天）',
    hint: '提交后多少天内须首次答复群众；群众申请重新办理后，也按此天数重新计时',
    placeholder: '1–90',
  },
  {
    key: 'retentionYears',
    label: '办结后保存个人信息（年）',
    hint: '隐私说明向群众公布此年限；期满后删除或去除个人信息',
    placeholder: '1–30',
  },
];

/** Pages that belong with the settings. */
const LINKS = [
  {
    title: '个人信息查询',
    text: '群众要求查看、复制或删除个人信息时，按手机号查找、导出或删除。',
    url: '/staff/concerns/subjects',
    button: '打开',
  },
  {
    title: '工作日历',
    text: '各年放假与调休上班安排；受理期限按此计算工作日。',
    url: '/staff/calendar/index',
    button: '查看',
  },
];

/** The unit's time limits for concerns: staff read them, an admin changes them. */
export default function ConcernSettingsPage() {
  const { has } = useMe();
  const isAdmin = has('admin');
  const q = useQuery('concern.getSettings', {}, 'settings');
  const save = useMutation('concern.saveSettings');
  const [values, setValues] = useState<Record<DayKey, string>>({
    acceptWorkingDays: '',
    replyDays: '',
    retentionYears: '',
  });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!q.data) return;
    const { acceptWorkingDays, replyDays, retentionYears } = q.data;
    setValues({
      acceptWorkingDays: String(acceptWorkingDays),
      replyDays: String(replyDays),
      retentionYears: String(retentionYears),
    });
  }, [q.data]);

  if (!q.data) {
    return (
      <StaffScreen>
        <Pending query={q} />
      </StaffScreen>
    );
  }

  // An empty box is sent as null so the server names the field ("请填写受理时限").
  const days = (v: string) => (v.trim() === '' ? (null as unknown as number) : Number(v));
  const onSave = async () => {
    const { confirm } = await Taro.showModal({
      title: '保存办理时限',
      content: `受理 ${values.acceptWorkingDays || '—'} 个工作日内，答复 ${values.replyDays || '—'} 天内。之后新提交的诉求按此计算期限，确定保存吗？`,
      confirmText: '保存',
      cancelText: '取消',
    });
    if (!confirm) return;
    setSaved(false);
    if (
      await save.run({
        acceptWorkingDays: days(values.acceptWorkingDays),
        replyDays: days(values.replyDays),
        retentionYears: days(values.retentionYears),
      })
    ) {
      setSaved(true);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await q.reload();
    }
  };

  return (
    <StaffScreen>
      <View className="card">
        <View className="card-title">{q.data.unitName} · 诉求办理时限</View>
        <View className="muted" style={{ margin: '8px 0 16px' }}>
          默认受理 {DEFAULT_CONCERN_LIMITS.acceptWorkingDays} 个工作日、答复 {DEFAULT_CONCERN_LIMITS.replyDays}{' '}
          天。工作日按国家法定节假日和调休计算。
        </View>
        {DAY_FIELDS.map((f) => (
          <Field key={f.key} label={f.label} required error={save.fieldErrors[f.key]} hint={f.hint}>
            <Input
              value={values[f.key]}
              type="number"
              disabled={!isAdmin}
              placeholder={f.placeholder}
              onChange={(v) => {
                setValues((old) => ({ ...old, [f.key]: v }));
                save.clearFieldError(f.key);
              }}
            />
          </Field>
        ))}
        {save.error && !Object.keys(save.fieldErrors).length ? (
          <View className="field__error">{save.error.message}</View>
        ) : null}
        {saved ? <View className="muted">已保存，之后新提交的诉求按新的时限计算。</View> : null}
        {isAdmin ? (
          <Button type="primary" block loading={save.loading} onClick={() => void onSave()}>
            保存
          </Button>
        ) : (
          <View className="muted">仅管理员可以修改办理时限。</View>
        )}
      </View>
      {LINKS.map((l) => (
        <View key={l.url} className="card row">
          <View>
            <View className="card-title">{l.title}</View>
            <View className="muted">{l.text}</View>
          </View>
          <View className="spacer" />
          <Button size="small" type="primary" fill="outline" onClick={() => void Taro.navigateTo({ url: l.url })}>
            {l.button}
          </Button>
        </View>
      ))}
    </StaffScreen>
  );
}
