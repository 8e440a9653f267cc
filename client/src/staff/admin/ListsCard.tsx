import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { ActionOutput } from '@lxq/types';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useMutation } from '../../hooks/useMutation';
import { Button } from '../../ui/button';
import { TextArea } from '../../ui/textarea';

type Detail = ActionOutput<'admin.orgDetail'>;
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The unit's concern categories and 八必访 occasions, one per line (the built-in lists until saved). */
export function ListsCard(p: { detail: Detail; onChanged: () => void }) {
  const { detail } = p;
  const [categories, setCategories] = useState('');
  const [occasions, setOccasions] = useState('');
  const save = useMutation('admin.saveUnitLists');
  useEffect(() => {
    setCategories(detail.categories.join('\n'));
    setOccasions(detail.occasions.join('\n'));
  }, [detail]);
  const fieldOf = (prefix: string) =>
    Object.entries(save.fieldErrors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];
  return (
    <View className="card">
      <View className="card-title">诉求类别与“八必访”时机</View>
      <View className="muted" style={{ margin: '8px 0 16px' }}>
        {detail.custom
          ? '本单位已自定义。'
          : detail.inheritedFrom
            ? `本单位尚未自定义，继承自${detail.inheritedFrom}。`
            : '本单位尚未自定义，使用系统默认。'}
        每行一项。
      </View>
      <FormError error={save.error} fieldErrors={save.fieldErrors} />
      <Field label="诉求类别" error={fieldOf('categories')}>
        <TextArea value={categories} onChange={setCategories} rows={5} maxLength={500} aria-label="诉求类别" />
      </Field>
      <Field label="“八必访”时机" error={fieldOf('occasions')}>
        <TextArea value={occasions} onChange={setOccasions} rows={5} maxLength={500} aria-label="八必访时机" />
      </Field>
      {detail.unit.retired ? null : (
        <Button
          type="primary"
          disabled={save.loading}
          onClick={async () => {
            const done = await save.run({
              unitId: detail.unit._id,
              categories: lines(categories),
              occasions: lines(occasions),
            });
            if (done) p.onChanged();
          }}
        >
          保存
        </Button>
      )}
    </View>
  );
}
