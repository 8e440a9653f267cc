import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ReportBody } from '@lxq/types';
import { LIMITS } from '@lxq/types/limits';
import { Field } from './Field';
import { FormError } from './FormError';
import { LoadFailed } from './LoadFailed';
import type { ComponentType, ReactNode } from 'react';
import { useLeaveGuard } from '../hooks/useLeaveGuard';
import { useMutation } from '../hooks/useMutation';
import { useQuery } from '../hooks/useQuery';
import { call } from '../services/call';
import { randomId } from '../services/random';
import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { Loading } from '../ui/loading';
import { TextArea } from '../ui/textarea';
import '../member/report/report.scss';

const EMPTY: ReportBody = { title: '', situation: '', problems: '', suggestions: '', reporter: '' };

/**
 * The report in the official layout: the author edits a draft (or one returned with comments, shown
 * above the form), the desk holding a submitted one edits it before deciding. 保存并报送 saves, then
 * sends it to the unit's information desk. The page gives the frame: the member's phone page, or the
 * staff console's (so the desk stays inside the console while it edits).
 */
export function ReportEditor({ Frame }: { Frame: ComponentType<{ children: ReactNode }> }) {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const report = useQuery('report.get', id ? { id } : null, id);
  const save = useMutation('report.save');
  const [d, setD] = useState<ReportBody>(EMPTY);
  const [dirty, setDirty] = useState(false);
  const [sending, setSending] = useState(false);
  useLeaveGuard(dirty);
  const r = report.data;
  useEffect(() => {
    if (r)
      setD({
        title: r.title,
        situation: r.situation,
        problems: r.problems,
        suggestions: r.suggestions,
        reporter: r.reporter,
      });
  }, [r]);
  const set = (k: keyof ReportBody, v: string) => {
    setD((x) => ({ ...x, [k]: v }));
    setDirty(true);
    save.clearFieldError(k);
  };
  const e = save.fieldErrors;

  const run = async (andSubmit: boolean) => {
    const saved = await save.run({ id, ...d });
    if (!saved) return;
    setDirty(false);
    if (andSubmit) {
      setSending(true);
      try {
        await call('report.submit', { id }, { requestId: randomId() });
      } catch (err) {
        setSending(false);
        await Taro.showModal({ title: '报送未成功', content: (err as Error).message, showCancel: false });
        return;
      }
    }
    await Taro.showToast({ title: andSubmit ? '已报送' : '已保存', icon: 'success' });
    // The desk edits from its own page and goes back to it; the author sees where the report stands.
    setTimeout(
      () => void (r?.mine ? Taro.redirectTo({ url: `/member/report/detail?id=${id}` }) : Taro.navigateBack()),
      500,
    );
  };

  if (report.error)
    return (
      <Frame>
        <LoadFailed message={report.error.message} onRetry={() => void report.reload()} />
      </Frame>
    );
  if (!r)
    return (
      <Frame>
        <Loading />
      </Frame>
    );
  const comment = [...r.decisions].reverse().find((x) => x.action === 'return');
  const text = (k: keyof ReportBody, label: string, hint?: string) => (
    <Field
      label={label}
      required
      error={e[k]}
      hint={hint}
      className="longtext"
      count={{ value: d[k], max: LIMITS.reportSection.max }}
    >
      <TextArea value={d[k]} maxLength={LIMITS.reportSection.max + 200} onChange={(v) => set(k, v)} />
    </Field>
  );
  return (
    <Frame>
      {r.status === 'returned' && comment ? (
        <View className="card banner-warn">
          {comment.unitName}退回修改：{comment.note}
        </View>
      ) : null}
      {params.fresh ? (
        <View className="card muted">已按格式预先填写并隐去群众个人信息，请核对、修改后报送。</View>
      ) : null}
      <View className="card">
        <Field label="标题" required error={e.title} count={{ value: d.title, max: LIMITS.reportTitle.max }}>
          <Input value={d.title} maxLength={LIMITS.reportTitle.max + 20} onChange={(v) => set('title', v)} />
        </Field>
        {text('situation', '基本情况', '什么时间、在哪里、群众反映了什么')}
        {text('problems', '存在问题')}
        {text('suggestions', '意见建议')}
        <Field label="反映人/单位" required error={e.reporter}>
          <Input value={d.reporter} maxLength={LIMITS.reportReporter.max} onChange={(v) => set('reporter', v)} />
        </Field>
      </View>
      <FormError error={save.error} fieldErrors={e} />
      {r.can.edit ? null : <View className="card muted">该信息已报送，现在不能修改。</View>}
      <View className="report-buttons" style={r.can.edit ? undefined : { display: 'none' }}>
        {r.can.submit ? (
          <Button type="primary" block loading={save.loading || sending} onClick={() => void run(true)}>
            保存并报送
          </Button>
        ) : null}
        <Button block loading={save.loading && !sending} onClick={() => void run(false)}>
          保存
        </Button>
      </View>
    </Frame>
  );
}
