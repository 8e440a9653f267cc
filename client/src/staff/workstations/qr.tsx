import { useEffect, useState } from 'react';
import { Image, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { WORKSTATION_KIND_LABELS } from '@lxq/types/domain/org';
import { StaffScreen } from '../components/StaffScreen';
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
    const facts = {
      address: detail.data?.address ?? '',
      openingHours: detail.data?.openingHours ?? '',
      phone: detail.data?.phone ?? '',
    };
    composePoster(qr.data.name, WORKSTATION_KIND_LABELS[kind], qr.data.png, facts).then(setPoster, (e: Error) =>
      setError(e.message),
    );
  }, [qr.data, kind, detail.data]);

  const save = async () => {
    try {
      await savePoster(poster, qr.data?.name ?? '工作站');
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch {
      setError('保存失败，请允许保存到相册后重试');
    }
  };

  return (
    <StaffScreen>
      <View className="tablet">
        <View className="tablet__name">{qr.data?.name ?? '加载中…'}</View>
        {detail.data ? (
          <View className="tablet__facts">
            <View>地址：{detail.data.address || '未填写'}</View>
            <View>接待时间：{detail.data.openingHours || '未填写'}</View>
            <View>负责人：{detail.data.headName || '未填写'}</View>
            <View>联系电话：{detail.data.phone || '未填写'}</View>
            <View className="tablet__hint">群众用微信扫描下方二维码，即可打开本站页面反映诉求。</View>
          </View>
        ) : null}
        {poster ? (
          <Image className="poster" src={poster} mode="scaleToFill" />
        ) : qr.data ? (
          <Image className="tablet__qr" src={qr.data.png} mode="scaleToFill" />
        ) : null}
        {qr.error || error ? <View className="field__error">{qr.error?.message ?? error}</View> : null}
        <Button type="primary" block disabled={!poster} onClick={() => void save()}>
          保存海报图片（PNG）
        </Button>
      </View>
    </StaffScreen>
  );
}
