import { useEffect, useState } from 'react';
import { Image, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { composePoster, savePoster } from './poster';
import './tablet.scss';

export default function QrPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const qr = useQuery('org.workstationQr', id ? { workstationId: id } : null, id);
  const detail = useQuery('org.workstationDetail', id ? { workstationId: id } : null, id);
  const [poster, setPoster] = useState('');
  const [error, setError] = useState('');
  const kind = detail.data?.kind;
  useEffect(() => {
    if (!qr.data || !kind) return;
    const labels: Record<string, string> = {
      station: '委员工作站',
      studio: '委员工作室',
      sector_station: '界别委员活动站',
      report_point: '社情民意直报点',
    };
    composePoster(qr.data.name, labels[kind] ?? '', qr.data.png).then(setPoster, (e: Error) => setError(e.message));
  }, [qr.data, kind]);

  const save = async () => {
    try {
      await savePoster(poster, qr.data?.name ?? '工作站');
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch {
      setError('保存失败，请允许保存到相册后重试');
    }
  };

  return (
    <Screen>
      <View className="tablet">
        <View className="tablet__name">{qr.data?.name ?? '加载中…'}</View>
        <View className="tablet__hint">群众扫码即可打开本站页面（场景值 {qr.data?.scene ?? ''}）</View>
        {poster ? (
          <Image className="poster" src={poster} mode="scaleToFill" />
        ) : qr.data ? (
          <Image className="tablet__qr" src={qr.data.png} mode="aspectFit" />
        ) : null}
        {qr.error || error ? <View className="field__error">{qr.error?.message ?? error}</View> : null}
        <Button type="primary" block disabled={!poster} onClick={() => void save()}>
          保存海报图片（PNG）
        </Button>
      </View>
    </Screen>
  );
}
