import { View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LoadFailed } from '../../components/LoadFailed';
import { ReportBody, ReportHistory, ReportStatus } from '../../components/ReportParts';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';
import { randomId } from '../../services/random';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import './report.scss';

/** The author's view: the report, every level's comments and decisions, 批示, and what they may do. */
export default function ReportDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const report = useQuery('report.get', id ? { id } : null, id);
  const [busy, setBusy] = useState('');
  useDidShow(() => {
    if (report.data) void report.reload();
  });
  const r = report.data;

  const act = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    try {
      await fn();
    } catch (err) {
      await Taro.showModal({ title: `${label}未成功`, content: (err as Error).message, showCancel: false });
    } finally {
      setBusy('');
    }
  };

  if (report.error)
    return (
      <Screen>
        <LoadFailed message={report.error.message} onRetry={() => void report.reload()} />
      </Screen>
    );
  if (!r)
    return (
      <Screen>
        <Loading />
      </Screen>
    );
  return (
    <Screen>
      <View className="row report-head">
        <ReportStatus status={r.status} />
        <View className="spacer" />
        <View className="muted">{r.unitName}</View>
      </View>
      <ReportBody r={r} />
      <ReportHistory r={r} />
      <View className="report-buttons">
        {r.can.edit && r.mine ? (
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: `/member/report/edit?id=${id}` })}>
            {r.status === 'returned' ? '按意见修改' : '编辑'}
          </Button>
        ) : null}
        {r.can.submit ? (
          <Button
            block
            loading={busy === '报送'}
            onClick={() =>
              void act('报送', async () => {
                await call('report.submit', { id }, { requestId: randomId() });
                await Taro.showToast({ title: '已报送', icon: 'success' });
                await report.reload();
              })
            }
          >
            报送
          </Button>
        ) : null}
        <Button
          block
          loading={busy === '导出'}
          onClick={() =>
            void act('导出', async () => {
              const res = await call('report.export', { id });
              await openWorkbook(res.url, res.fileName, 'docx');
            })
          }
        >
          导出 Word
        </Button>
      </View>
    </Screen>
  );
}
