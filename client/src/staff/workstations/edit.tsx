import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { WORKSTATION_KIND_LABELS, WORKSTATION_KINDS, type WorkstationKind } from '@lxq/types/domain/org';
import { Field } from '../../components/Field';
import { StaffScreen } from '../components/StaffScreen';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { usePaged } from '../../hooks/usePaged';
import { useQuery } from '../../hooks/useQuery';
import { currentLocation, locationMessage } from '../../services/location';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { PhotoPicker, type Photo } from '../../components/PhotoPicker';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import '../../components/choices.scss';

/** Create or edit a workstation: kind, address, map point, sign-in radius, hours, head, members. */
export default function EditWorkstationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { me } = useMe();
  const unitId = me?.unit?._id ?? '';
  const detail = useQuery('org.workstationDetail', id ? { workstationId: id } : null, id);
  const members = usePaged('org.unitMembers', { unitId }, { key: unitId, enabled: !!unitId, pageSize: 50 });
  const create = useMutation('org.createWorkstation');
  const update = useMutation('org.updateWorkstation');
  const [f, setF] = useState({
    name: '',
    kind: 'station' as WorkstationKind,
    address: '',
    lat: '',
    lng: '',
    radius: '200',
    openingHours: '周一至周五 9:00-12:00，14:30-17:30',
    headName: '',
    phone: '',
    memberIds: [] as string[],
  });
  const [photo, setPhoto] = useState<Photo[]>([]);
  const [locError, setLocError] = useState('');
  useEffect(() => {
    const d = detail.data;
    if (!d) return;
    setF({
      name: d.name,
      kind: d.kind,
      address: d.address,
      lat: String(d.location.lat),
      lng: String(d.location.lng),
      radius: String(d.radius),
      openingHours: d.openingHours,
      headName: d.headName,
      phone: d.phone,
      memberIds: d.members.map((m) => m._id),
    });
    setPhoto(d.photo ? [{ fileID: d.photo, src: d.photoUrl }] : []);
  }, [detail.data]);
  const set = (k: keyof typeof f) => (v: string | string[]) => setF((prev) => ({ ...prev, [k]: v }));
  const m = id ? update : create;
  const e = m.fieldErrors;

  const pick = async () => {
    setLocError('');
    try {
      if (process.env.TARO_ENV === 'weapp') {
        const r = await Taro.chooseLocation({});
        setF((p) => ({ ...p, lat: String(r.latitude), lng: String(r.longitude), address: p.address || r.address }));
      } else {
        const p = await currentLocation();
        setF((prev) => ({ ...prev, lat: p.lat.toFixed(6), lng: p.lng.toFixed(6) }));
      }
    } catch (err) {
      setLocError(locationMessage(err));
    }
  };

  const save = async () => {
    const body = {
      name: f.name,
      kind: f.kind,
      address: f.address,
      location: { lat: Number(f.lat), lng: Number(f.lng) },
      radius: Number(f.radius),
      openingHours: f.openingHours,
      headName: f.headName,
      phone: f.phone,
      photo: photo[0]?.fileID ?? '',
      memberIds: f.memberIds,
    };
    const done = id ? await update.run({ workstationId: id, ...body }) : await create.run({ unitId, ...body });
    if (done) {
      await Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
    }
  };

  return (
    <StaffScreen wide>
      <View className="card">
        <Field label="名称" required error={e.name}>
          <Input value={f.name} maxLength={40} placeholder="例如：会师镇委员工作站" onChange={set('name')} />
        </Field>
        <Field label="类型" required error={e.kind}>
          <Radio.Group
            className="choices"
            value={f.kind}
            direction="horizontal"
            onChange={(v) => set('kind')(String(v))}
          >
            {WORKSTATION_KINDS.map((k) => (
              <Radio key={k} value={k} shape="button">
                {WORKSTATION_KIND_LABELS[k]}
              </Radio>
            ))}
          </Radio.Group>
        </Field>
        <Field label="地址" required error={e.address}>
          <Input value={f.address} maxLength={100} placeholder="详细地址" onChange={set('address')} />
        </Field>
        <Field
          label="地图位置"
          required
          error={locError || e['location.lat'] || e['location.lng'] || e.location}
          hint="签到时以此位置计算距离"
        >
          <View className="row" style={{ gap: '12px' }}>
            <Input value={f.lat} placeholder="纬度" onChange={set('lat')} />
            <Input value={f.lng} placeholder="经度" onChange={set('lng')} />
            <Button size="small" onClick={() => void pick()}>
              {process.env.TARO_ENV === 'weapp' ? '在地图上选择' : '用当前位置'}
            </Button>
          </View>
        </Field>
        <Field label="签到半径（米）" required error={e.radius} hint="默认 200 米">
          <Input value={f.radius} type="number" placeholder="200" onChange={set('radius')} />
        </Field>
        <Field label="开放时间" required error={e.openingHours}>
          <Input value={f.openingHours} maxLength={60} placeholder="开放时间" onChange={set('openingHours')} />
        </Field>
        <Field label="负责人" required error={e.headName}>
          <Input value={f.headName} maxLength={20} placeholder="负责人姓名" onChange={set('headName')} />
        </Field>
        <Field label="联系电话（群众可见）" error={e.phone} hint="印在海报上，群众在工作站页面可一键拨打">
          <Input value={f.phone} maxLength={20} placeholder="例如：0943-3221234" onChange={set('phone')} />
        </Field>
        <Field label="工作站照片（群众可见）" error={e.photo} hint="门牌或接待室的照片，显示在工作站页面和分享卡片上">
          <PhotoPicker value={photo} onChange={setPhoto} max={1} folder="workstations" />
        </Field>
        <Field label="驻站委员" error={e.memberIds}>
          <Checkbox.Group
            className="choices"
            value={f.memberIds}
            direction="horizontal"
            onChange={(v) => set('memberIds')(v)}
          >
            {members.items.map((u) => (
              <Checkbox key={u._id} value={u._id} shape="button">
                {u.name}
              </Checkbox>
            ))}
          </Checkbox.Group>
          {members.hasMore ? (
            <View className="link" onClick={() => void members.loadMore()}>
              更多委员
            </View>
          ) : null}
        </Field>
        {m.error && !Object.keys(e).length ? <View className="banner-error">{m.error.message}</View> : null}
        <Button type="primary" block loading={m.loading} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </StaffScreen>
  );
}
