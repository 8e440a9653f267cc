import { Picker, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { LoadFailed } from '../../components/LoadFailed';
import { ReportBody, ReportHistory, ReportStatus } from '../../components/ReportParts';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Loading } from '../../ui/loading';
import { TextArea } from '../../ui/textarea';
import { formatChinaTime } from '../../utils/time';
import { StaffScreen } from '../components/StaffScreen';
import './index.scss';

type Mode = '' | 'return' | 'forward' | 'adopt' | 'reject' | 'instruct';
const MODE_LABELS: Record<Exclude<Mode, ''>, string> = {
  return: '退回修改',
  forward: '上报上一级',
  adopt: '采用',
  reject: '不采用',
  instruct: '登记批示',
};

/**
 * A report at the desk: read it in the official layout with its history, edit it, and decide —
 * 退回 with comments, 上报 to the level above, 采用 (publication and issue), 不采用 (a reason) —
 * and record a leader's 批示 on an adopted one.
 */
export default function StaffReportDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const report = useQuery('report.get', id ? { id } : null, id);
  const decide = useMutation('report.decide');
  const instruct = useMutation('report.instruct');
  const [mode, setMode] = useState<Mode>('');
  const [note, setNote] = useState('');
  const [publication, setPublication] = useState('《社情民意》');
  const [issue, setIssue] = useState('');
  const [position, setPosition] = useState('');
  const [leaderName, setLeaderName] = useState('');
  const [date, setDate] = useState(formatChinaTime(new Date(), 'YYYY-MM-DD'));
  const [text, setText] = useState('');
  useDidShow(() => {
    if (report.data) void report.reload();
  });
  const r = report.data;

  const pick = (m: Mode) => {
    setMode(m);
    decide.reset();
    instruct.reset();
  };
  const done = async (title: string) => {
    await Taro.showToast({ title, icon: 'success' });
    setMode('');
    setNote('');
    await report.reload();
  };
  const submit = async () => {
    if (mode === 'instruct') {
      const ok = await instruct.run({ id, position, leaderName: leaderName || undefined, date, text });
      if (ok) await done('已登记批示');
      return;
    }
    if (!mode) return;
    const ok = await decide.run({
      id,
      action: mode,
      note: note || undefined,
      ...(mode === 'adopt' ? { publication, issue } : {}),
    });
    if (ok) await done(mode === 'forward' ? `已上报${ok.atUnitName}` : `已${MODE_LABELS[mode]}`);
  };

  if (report.error)
    return (
      <StaffScreen>
        <LoadFailed message={report.error.message} onRetry={() => void report.reload()} />
      </StaffScreen>
    );
  if (!r)
    return (
      <StaffScreen>
        <Loading />
      </StaffScreen>
    );
  const e = mode === 'instruct' ? instruct.fieldErrors : decide.fieldErrors;
  const modes = (['return', 'forward', 'adopt', 'reject', 'instruct'] as const).filter((m) => r.can[m]);
  return (
    <StaffScreen title={r.title}>
      <View className="row report-head" style={{ gap: '12px', marginBottom: '16px' }}>
        <ReportStatus status={r.status} />
        <View className="muted">
          {r.authorName} · {r.unitName}
        </View>
      </View>
      <ReportBody r={r} />
      <ReportHistory r={r} />
      <View className="card">
        <View className="card-title">处理</View>
        {modes.length || r.can.edit ? null : (
          <View className="muted">
            {r.status === 'submitted' ? `该信息在${r.atUnitName}办理` : '本级暂无可办理的事项'}
          </View>
        )}
        <View className="report-actions">
          {r.can.edit ? (
            <Button onClick={() => void Taro.navigateTo({ url: `/staff/report/edit?id=${id}` })}>编辑</Button>
          ) : null}
          {modes.map((m) => (
            <Button key={m} type={mode === m ? 'primary' : 'default'} onClick={() => pick(m)}>
              {MODE_LABELS[m]}
            </Button>
          ))}
          <Button
            onClick={() =>
              void call('report.export', { id }).then(
                (res) => openWorkbook(res.url, res.fileName, 'docx'),
                (err: Error) => Taro.showModal({ title: '导出未成功', content: err.message, showCancel: false }),
              )
            }
          >
            导出 Word
          </Button>
        </View>
        {mode && mode !== 'instruct' ? (
          <View className="report-decide">
            {mode === 'adopt' ? (
              <View className="row" style={{ gap: '16px', alignItems: 'flex-start' }}>
                <Field label="采用刊物" required error={e.publication}>
                  <Input value={publication} maxLength={30} onChange={setPublication} />
                </Field>
                <Field label="期号" required error={e.issue}>
                  <Input value={issue} maxLength={20} placeholder="如 第 12 期" onChange={setIssue} />
                </Field>
              </View>
            ) : null}
            <Field
              label={mode === 'return' ? '修改意见' : mode === 'reject' ? '不采用理由' : '说明（选填）'}
              required={mode === 'return' || mode === 'reject'}
              error={e.note}
            >
              <TextArea value={note} maxLength={500} onChange={setNote} />
            </Field>
          </View>
        ) : null}
        {mode === 'instruct' ? (
          <View className="report-decide">
            <Field label="批示领导职务" required error={e.position} hint="如 市委副书记；姓名可不填">
              <Input value={position} maxLength={30} onChange={setPosition} />
            </Field>
            <Field label="领导姓名（选填）" error={e.leaderName}>
              <Input value={leaderName} maxLength={20} onChange={setLeaderName} />
            </Field>
            <Field label="批示日期" required error={e.date}>
              <Picker mode="date" value={date} onChange={(ev) => setDate(String(ev.detail.value))}>
                <View className="picker-value">{date}</View>
              </Picker>
            </Field>
            <Field label="批示内容" required error={e.text}>
              <TextArea value={text} maxLength={500} onChange={setText} />
            </Field>
          </View>
        ) : null}
        <FormError error={mode === 'instruct' ? instruct.error : decide.error} fieldErrors={e} />
        {mode ? (
          <Button type="primary" loading={decide.loading || instruct.loading} onClick={() => void submit()}>
            确认{MODE_LABELS[mode]}
          </Button>
        ) : null}
      </View>
    </StaffScreen>
  );
}
