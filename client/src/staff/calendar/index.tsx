import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionOutput, CalendarDay } from '@lxq/types';
import { Field } from '../../components/Field';
import { Pending } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { TextArea } from '../../ui/textarea';
import { blocks, blockText, datesText } from './days';
import './index.scss';

const SOURCE_LABELS = {
  library: '内置日历',
  official: '管理员录入',
  rules: '未录入：按法定节假日推算（暂定）',
} as const;

const EXAMPLE = `一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日至13日放假调休，共9天。1月31日（周日）、2月20日（周六）上班。
……（把通知中七个节日的各行依次粘贴进来）`;

type Checked = ActionOutput<'org.checkCalendarYear'>;

/**
 * The working-day calendar every deadline and rotation counts with: staff read each year; an
 * admin pastes a year's State Council notice, checks it (each missing holiday named) and saves it.
 */
export default function CalendarPage() {
  const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const q = useQuery('org.calendar', year === null ? {} : { year }, String(year));
  const check = useMutation('org.checkCalendarYear');
  const save = useMutation('org.saveCalendarYear');
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);

  if (!q.data) {
    return (
      <Screen>
        <Pending query={q} />
      </Screen>
    );
  }
  const { detail, years, warning, canEdit } = q.data;
  const stored = new Map(years.map((y) => [y.year, y]));
  const choices = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  const pick = (y: number) => {
    setYear(y);
    setChecked(null);
    setText('');
    check.reset();
    save.reset();
  };

  const onCheck = async () => {
    const res = await check.run({ year: detail.year, text });
    if (res) setChecked(res);
  };
  const onSave = async () => {
    const { confirm } = await Taro.showModal({
      title: `保存 ${detail.year} 年放假安排`,
      content: '保存后，截止日期、值班轮换和提醒都按此安排计算工作日，已标为「暂定」的期限会重新计算。确定保存吗？',
      confirmText: '保存',
      cancelText: '取消',
    });
    if (!confirm) return;
    const res = await save.run({ year: detail.year, text });
    if (!res) return;
    void Taro.showToast({ title: '已保存', icon: 'success' });
    setChecked(null);
    setText('');
    await q.reload();
  };
  const problems = checked ? [...checked.problems, ...checked.missing] : [];

  return (
    <Screen>
      {warning ? <View className="calendar-warning">{warning}</View> : null}
      <View className="card">
        <View className="card-title">工作日历</View>
        <View className="muted">诉求受理期限、值班轮换和提醒都按此日历计算工作日（含放假与调休上班）。</View>
        <View className="calendar-years">
          {choices.map((y) => {
            const s = stored.get(y);
            return (
              <View
                key={y}
                className={`calendar-year ${y === detail.year ? 'calendar-year--on' : ''}`}
                onClick={() => pick(y)}
              >
                <Text>{y} 年</Text>
                <Text className={`calendar-year__state ${s ? '' : 'calendar-year__state--missing'}`}>
                  {s ? (s.source === 'official' ? '已录入' : '内置') : '未录入'}
                </Text>
              </View>
            );
          })}
        </View>
      </View>

      <View className="card">
        <View className="card-title">{detail.year} 年放假安排</View>
        <View className="muted">
          来源：{SOURCE_LABELS[detail.source]}
          {detail.enteredBy ? `（${detail.enteredBy}）` : ''}
        </View>
        <DayBlocks holidays={detail.holidays} workdays={detail.workdays} />
      </View>

      {canEdit ? (
        <View className="card">
          <View className="card-title">录入 {detail.year} 年官方安排</View>
          <Field
            label="国务院办公厅放假通知"
            required
            error={save.fieldErrors.text ?? check.fieldErrors.text}
            hint="把通知中“一、元旦”至“七、国庆节”各行原样粘贴；保存前会检查每个法定节假日是否齐全"
          >
            <TextArea
              value={text}
              maxLength={5000}
              rows={8}
              placeholder={EXAMPLE}
              onChange={(v) => {
                setText(v);
                setChecked(null);
                check.clearFieldError('text');
                save.clearFieldError('text');
              }}
            />
          </Field>
          {checked && problems.length ? (
            <View className="calendar-problems">
              {problems.map((p) => (
                <View key={p}>· {p}</View>
              ))}
            </View>
          ) : null}
          {checked && !problems.length ? (
            <View>
              <View className="calendar-ok">法定节假日齐全，可以保存。</View>
              <DayBlocks holidays={checked.holidays} workdays={checked.workdays} />
            </View>
          ) : null}
          {save.error && !save.fieldErrors.text ? <View className="field__error">{save.error.message}</View> : null}
          <View className="calendar-actions">
            <Button loading={check.loading} onClick={() => void onCheck()}>
              检查
            </Button>
            <Button
              type="primary"
              loading={save.loading}
              disabled={!checked || problems.length > 0}
              onClick={() => void onSave()}
            >
              保存
            </Button>
          </View>
        </View>
      ) : (
        <View className="card muted">仅管理员可以录入放假安排。</View>
      )}
    </Screen>
  );
}

function DayBlocks({ holidays, workdays }: { holidays: CalendarDay[]; workdays: CalendarDay[] }) {
  return (
    <View>
      {blocks(holidays).map((b) => (
        <View key={b.from} className="calendar-block">
          <Text className="calendar-block__name">{b.name}</Text>
          <Text className="calendar-block__dates">放假 {blockText(b)}</Text>
        </View>
      ))}
      {workdays.length ? (
        <View className="calendar-block">
          <Text className="calendar-block__name">调休上班</Text>
          <Text className="calendar-block__dates">{datesText(workdays)}</Text>
        </View>
      ) : null}
    </View>
  );
}
