import { openWorkbook } from '../../services/download';
import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LiaisonChannel } from '@lxq/types';
import {
  LIAISON_CHANNEL_LABELS,
  LIAISON_CHANNELS,
  LIAISON_OCCASION_CHOICES,
  occasionLabel,
} from '@lxq/types/domain/liaison';
import { Field } from '../../components/Field';
import { Choices, RecordCard } from '../../components/LiaisonParts';
import { ListState } from '../../components/ListState';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { LiaisonDesk } from './LiaisonDesk';
import '../concerns/QueueDesk.scss';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { usePaged } from '../../hooks/usePaged';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { toCallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

/** Staff browse the liaison records of their unit subtree, filter them, and export a workbook. */
export default function StaffLiaisonPage() {
  const { me, isStaff, loading: meLoading } = useMe();
  const isAdmin = !!me?.roles.includes('admin');
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const [sectorId, setSectorId] = useState<string[]>([]);
  const [channel, setChannel] = useState<LiaisonChannel[]>([]);
  const [occasion, setOccasion] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exporting, setExporting] = useState(false);
  const filters = {
    ...(member ? { memberId: member.id } : {}),
    ...(sectorId[0] ? { sectorId: sectorId[0] } : {}),
    ...(channel[0] ? { channel: channel[0] } : {}),
    ...(occasion[0] ? { occasion: occasion[0] } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const key = JSON.stringify(filters);
  const desktop = useDesktop();
  const list = usePaged('liaison.list', filters, { pageSize: 20, key, enabled: isStaff && !desktop });
  // The subtree's units may keep their own occasions (issue 17): the filter offers what they offer.
  const [occasions, setOccasions] = useState(LIAISON_OCCASION_CHOICES);
  useEffect(() => {
    if (list.last?.occasions) setOccasions(list.last.occasions);
  }, [list.last]);
  const unitId = me?.unit?._id ?? '';
  const sectors = useQuery('org.listSectors', unitId ? { unitId } : null, unitId);
  const quota = useQuery('liaison.getQuota', isStaff ? {} : null, String(isStaff));
  const saveQuota = useMutation('liaison.saveQuota');
  const [quotaForm, setQuotaForm] = useState<{ a: string; p: string } | null>(null);

  const onExport = async () => {
    setExporting(true);
    try {
      const res = await call('liaison.export', filters);
      await openWorkbook(res.url, res.fileName);
      void Taro.showToast({ title: `已导出 ${res.rows} 条记录`, icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: toCallError(e).message, icon: 'none' });
    } finally {
      setExporting(false);
    }
  };

  const onSaveQuota = async () => {
    if (!quotaForm) return;
    const done = await saveQuota.run({
      activitiesPerQuarter: quotaForm.a === '' ? Number.NaN : Number(quotaForm.a),
      personTimesPerYear: quotaForm.p === '' ? Number.NaN : Number(quotaForm.p),
    });
    if (done) {
      setQuotaForm(null);
      void quota.reload();
    }
  };

  const clear = () => {
    setMember(null);
    setSectorId([]);
    setChannel([]);
    setOccasion([]);
    setFrom('');
    setTo('');
  };

  if (!meLoading && !isStaff) {
    return (
      <StaffScreen>
        <View className="card muted">联系记录管理仅供政协工作人员使用。</View>
      </StaffScreen>
    );
  }
  const sectorList = sectors.data?.items ?? [];
  const qe = saveQuota.fieldErrors;
  return (
    <StaffScreen wide>
      <View className="staff-liaison-head row">
        <View>
          <View className="card-title">委员联系界别群众记录</View>
          <View className="muted">
            {me?.unit?.name ?? ''}
            {quota.data
              ? ` · 指标：每季度至少 ${quota.data.quota.activitiesPerQuarter} 次活动，全年不少于 ${quota.data.quota.personTimesPerYear} 人次`
              : ''}
            {isAdmin && !quotaForm && quota.data ? (
              <Text
                className="link"
                style={{ marginLeft: '12px' }}
                onClick={() =>
                  setQuotaForm({
                    a: String(quota.data!.quota.activitiesPerQuarter),
                    p: String(quota.data!.quota.personTimesPerYear),
                  })
                }
              >
                修改指标
              </Text>
            ) : null}
          </View>
          <Text
            className="link staff-liaison-head__grid"
            onClick={() => void Taro.navigateTo({ url: '/staff/liaison/grid' })}
          >
            管理网格化联系 ›
          </Text>
        </View>
        <View className="spacer" />
        {desktop ? null : (
          <Button type="primary" size="small" loading={exporting} onClick={() => void onExport()}>
            导出 Excel
          </Button>
        )}
      </View>

      {quotaForm ? (
        <View className="card staff-liaison-quota">
          <Field label="每季度至少活动（次）" error={qe.activitiesPerQuarter}>
            <Input
              value={quotaForm.a}
              type="number"
              maxLength={2}
              onChange={(v) => setQuotaForm({ ...quotaForm, a: v })}
            />
          </Field>
          <Field label="全年不少于（人次）" error={qe.personTimesPerYear}>
            <Input
              value={quotaForm.p}
              type="number"
              maxLength={4}
              onChange={(v) => setQuotaForm({ ...quotaForm, p: v })}
            />
          </Field>
          <View className="row" style={{ gap: '16px' }}>
            <Button type="primary" size="small" loading={saveQuota.loading} onClick={() => void onSaveQuota()}>
              保存指标
            </Button>
            <Button size="small" onClick={() => setQuotaForm(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}

      {desktop ? <LiaisonDesk sectors={sectorList} /> : null}
      {desktop ? null : (
        <>
          <View className="card staff-liaison-filters">
            <View className="filter-row">
              <Text className="filter-row__label">渠道</Text>
              <Choices
                options={LIAISON_CHANNELS}
                labels={LIAISON_CHANNEL_LABELS}
                value={channel}
                allowNone
                onChange={setChannel}
              />
            </View>
            <View className="filter-row row">
              <Text className="filter-row__label">八必访</Text>
              <Picker
                mode="selector"
                range={['全部', ...occasions.map((o) => o.label)]}
                value={occasion[0] ? occasions.findIndex((o) => o.value === occasion[0]) + 1 : 0}
                onChange={(e) => {
                  const i = Number(e.detail.value);
                  setOccasion(i > 0 ? [occasions[i - 1].value] : []);
                }}
              >
                <Text className="date-chip">{occasion[0] ? occasionLabel(occasion[0]) : '全部时机'} ▾</Text>
              </Picker>
              <Text className="filter-row__label filter-row__label--next">界别</Text>
              <Picker
                mode="selector"
                range={['全部', ...sectorList.map((x) => x.name)]}
                value={sectorId[0] ? sectorList.findIndex((x) => x._id === sectorId[0]) + 1 : 0}
                onChange={(e) => {
                  const i = Number(e.detail.value);
                  setSectorId(i > 0 ? [sectorList[i - 1]._id] : []);
                }}
              >
                <Text className="date-chip">
                  {sectorId[0] ? (sectorList.find((x) => x._id === sectorId[0])?.name ?? '界别') : '全部界别'} ▾
                </Text>
              </Picker>
            </View>
            <View className="filter-row row">
              <Text className="filter-row__label">日期</Text>
              <Picker
                mode="date"
                value={from || formatChinaTime(new Date(), 'YYYY-MM-DD')}
                onChange={(e) => setFrom(String(e.detail.value))}
              >
                <Text className="date-chip">{from || '开始日期'}</Text>
              </Picker>
              <Text className="muted" style={{ margin: '0 12px', paddingTop: '22px' }}>
                至
              </Text>
              <Picker
                mode="date"
                value={to || formatChinaTime(new Date(), 'YYYY-MM-DD')}
                onChange={(e) => setTo(String(e.detail.value))}
              >
                <Text className="date-chip">{to || '结束日期'}</Text>
              </Picker>
            </View>
            <View className="row filter-summary">
              <Text className="muted">
                {member ? `委员：${member.name} · ` : ''}共 {list.total} 条
              </Text>
              <View className="spacer" />
              {key !== '{}' ? (
                <Text className="link" onClick={clear}>
                  清除筛选
                </Text>
              ) : null}
            </View>
            {list.error && list.items.length ? <View className="banner-error">{list.error.message}</View> : null}
          </View>

          <View className="staff-liaison-list">
            {list.items.map((r) => (
              <View key={r._id} className="staff-liaison-item">
                <RecordCard r={r} showMember />
                {member?.id !== r.memberId ? (
                  <Text
                    className="link staff-liaison-item__only"
                    onClick={() => setMember({ id: r.memberId, name: r.memberName })}
                  >
                    只看{r.memberName}
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
          <ListState list={list} emptyText="没有符合条件的联系记录" />
        </>
      )}
    </StaffScreen>
  );
}
