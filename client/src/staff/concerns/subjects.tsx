import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { CONCERN_STATUS_LABELS, type SubjectConcern, type SubjectReception } from '@lxq/types';
import { Field } from '../../components/Field';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { openWorkbook } from '../../services/download';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { formatChinaTime } from '../../utils/time';
import { DataTable, type Column } from '../components/DataTable';
import { StaffScreen } from '../components/StaffScreen';
import { useTableState } from '../components/useTableState';
import './subjects.scss';

const CONCERN_COLUMNS: Column<SubjectConcern>[] = [
  { key: 'no', title: '编号', fixed: true, render: (c) => c.no, sortValue: (c) => c.no },
  { key: 'title', title: '标题', wrap: true, render: (c) => c.title },
  { key: 'status', title: '状态', render: (c) => CONCERN_STATUS_LABELS[c.status] },
  { key: 'station', title: '工作站', render: (c) => c.workstationName ?? '' },
  { key: 'phone', title: '手机号', render: (c) => c.phone ?? '—' },
  {
    key: 'held',
    title: '存有',
    render: (c) =>
      c.deidentified
        ? '已去除个人信息'
        : [c.photos ? `${c.photos} 张照片` : '', c.hasLocation ? '位置' : ''].filter(Boolean).join('、') || '—',
  },
  { key: 'at', title: '提交时间', render: (c) => formatChinaTime(c.createdAt), sortValue: (c) => c.createdAt },
];

const RECEPTION_COLUMNS: Column<SubjectReception>[] = [
  { key: 'date', title: '日期', fixed: true, render: (r) => r.date, sortValue: (r) => r.date },
  { key: 'station', title: '工作站', render: (r) => r.workstationName },
  { key: 'topic', title: '事由', wrap: true, render: (r) => r.topic },
  { key: 'name', title: '姓名', render: (r) => r.visitorName ?? '—' },
  { key: 'phone', title: '手机号', render: (r) => (r.deidentified ? '已去除' : (r.visitorPhone ?? '—')) },
];

/** The most records of one kind concern.subjectFind answers per lookup (MAX in shared/data/subject.ts). */
const SUBJECT_MAX = 200;

/** 11 digits is a phone; anything else typed is taken as a WeChat openid. */
const whoOf = (text: string) => (/^\d+$/.test(text) ? { phone: text } : { openid: text });

/**
 * Staff's data-subject tool: a citizen who asks what is stored about them, for a copy, or for it to
 * be deleted (the privacy page's promise) is looked up by phone or openid; the copy is a workbook
 * and deleting removes phone, openid, photos, exact place and names while the records stay.
 */
export default function SubjectsPage() {
  const [text, setText] = useState('');
  const [who, setWho] = useState<{ phone?: string; openid?: string } | null>(null);
  const [erased, setErased] = useState('');
  const [concernState, setConcernState] = useTableState({});
  const [receptionState, setReceptionState] = useState<Record<string, string>>({
    q: '',
    sort: '',
    page: '1',
    size: '20',
    hide: '',
  });
  const found = useQuery('concern.subjectFind', who, JSON.stringify(who));
  const exporting = useMutation('concern.subjectExport');
  const erasing = useMutation('concern.subjectErase');

  const search = () => {
    setErased('');
    const t = text.trim();
    setWho(t ? whoOf(t) : {});
  };
  const onExport = async () => {
    if (!who) return;
    const res = await exporting.run(who);
    if (res) await openWorkbook(res.url, res.fileName);
  };
  const onErase = async () => {
    if (!who || !found.data) return;
    const { confirm } = await Taro.showModal({
      title: '删除个人信息',
      content: `将从 ${found.data.concerns.length} 条诉求和 ${found.data.receptions.length} 条接待记录中删除手机号、微信标识、照片、精确位置和姓名，记录本身保留用于统计。此操作无法撤销，确定删除吗？`,
      confirmText: '删除',
      cancelText: '取消',
    });
    if (!confirm) return;
    const res = await erasing.run(who);
    if (res) {
      // What was erased no longer carries the phone or openid it was found by: say what was done.
      setErased(`已从 ${res.concerns} 条诉求、${res.receptions} 条接待记录中删除个人信息，记录本身保留用于统计。`);
      void Taro.showToast({ title: '已删除', icon: 'success' });
      await found.reload();
    }
  };
  const error = found.error ?? exporting.error ?? erasing.error;
  const fieldError = found.error?.fields?.phone ?? found.error?.fields?.openid;

  return (
    <StaffScreen>
      <View className="card">
        <View className="card-title">查找群众的个人信息</View>
        <View className="muted" style={{ margin: '8px 0 16px' }}>
          群众要求查看、复制或删除自己的个人信息时，按其留下的手机号或微信标识查找本单位及下级保存的全部记录。导出和删除都会记入操作日志。
        </View>
        <Field label="手机号或微信标识" required error={fieldError}>
          <Input value={text} placeholder="例如 13909431234" onChange={setText} onConfirm={search} />
        </Field>
        <Button type="primary" className="tap-target" loading={found.loading} onClick={search}>
          查找
        </Button>
        {error && !fieldError ? <View className="field__error">{error.message}</View> : null}
      </View>
      {found.data ? (
        <>
          <View className="card">
            <View className="muted">
              找到 {found.data.concerns.length} 条诉求、{found.data.receptions.length} 条值班接待记录。
              {found.data.concerns.length >= SUBJECT_MAX || found.data.receptions.length >= SUBJECT_MAX
                ? `每种记录最多列出 ${SUBJECT_MAX} 条，可能还有更多：请分别按手机号和微信标识查找。`
                : ''}
            </View>
            {erased ? <View className="subjects__done">{erased}</View> : null}
            <View className="subjects__actions">
              <Button
                className="tap-target"
                disabled={!found.data.concerns.length && !found.data.receptions.length}
                loading={exporting.loading}
                onClick={() => void onExport()}
              >
                导出 Excel
              </Button>
              <Button
                type="danger"
                className="tap-target"
                disabled={!found.data.concerns.length && !found.data.receptions.length}
                loading={erasing.loading}
                onClick={() => void onErase()}
              >
                删除个人信息
              </Button>
            </View>
          </View>
          <View className="subjects__heading">诉求</View>
          <DataTable
            label="诉求"
            columns={CONCERN_COLUMNS}
            rows={found.data.concerns}
            rowKey={(c) => c._id}
            total={found.data.concerns.length}
            complete
            loading={false}
            state={concernState}
            setState={setConcernState}
            onOpen={(c) => void Taro.navigateTo({ url: `/staff/concerns/detail?id=${c._id}` })}
            emptyText="没有找到诉求"
          />
          <View className="subjects__heading">值班接待</View>
          <DataTable
            label="值班接待"
            columns={RECEPTION_COLUMNS}
            rows={found.data.receptions}
            rowKey={(r) => r._id}
            total={found.data.receptions.length}
            complete
            loading={false}
            state={receptionState}
            setState={(patch) => setReceptionState((s) => ({ ...s, ...patch }))}
            emptyText="没有找到接待记录"
          />
        </>
      ) : null}
    </StaffScreen>
  );
}
