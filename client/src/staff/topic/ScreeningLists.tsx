import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { TextArea } from '../../ui/textarea';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The unit's may / may-not lists that 议题确定 screens against (seed 002's 10 and 7 until the unit
 * keeps its own); topics already screened keep what was ticked.
 */
export function ScreeningLists() {
  const [open, setOpen] = useState(false);
  const q = useQuery('topic.screeningLists', open ? {} : null, String(open));
  const m = useMutation('topic.saveScreeningLists');
  const [may, setMay] = useState('');
  const [mayNot, setMayNot] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!q.data) return;
    setMay(q.data.may.join('\n'));
    setMayNot(q.data.mayNot.join('\n'));
  }, [q.data]);
  if (!open) {
    return (
      <Button fill="outline" onClick={() => setOpen(true)}>
        议题审查清单
      </Button>
    );
  }
  const fieldError = (prefix: string) => Object.entries(m.fieldErrors).find(([k]) => k.startsWith(prefix))?.[1];
  const save = async () => {
    setSaved(false);
    if (await m.run({ may: lines(may), mayNot: lines(mayNot) })) setSaved(true);
  };
  return (
    <View className="card topic-lists-edit">
      <View className="card-title">议题审查清单</View>
      <View className="muted">
        {q.data?.custom ? '本单位的清单' : '默认清单（10 项可协商、7 项不可协商）'}，每行一项；保存后新的审查按此进行。
      </View>
      <Field label={`可协商事项（${lines(may).length} 项）`} error={fieldError('may.') ?? m.fieldErrors.may}>
        <TextArea value={may} onChange={setMay} />
      </Field>
      <Field label={`不可协商事项（${lines(mayNot).length} 项）`} error={fieldError('mayNot') ?? m.fieldErrors.mayNot}>
        <TextArea value={mayNot} onChange={setMayNot} />
      </Field>
      <FormError error={m.error} fieldErrors={m.fieldErrors} />
      {saved ? <View className="muted">已保存</View> : null}
      <View className="row topic-moves__buttons">
        <Button type="primary" loading={m.loading} onClick={() => void save()}>
          保存清单
        </Button>
        <Button fill="outline" onClick={() => setOpen(false)}>
          收起
        </Button>
      </View>
    </View>
  );
}
