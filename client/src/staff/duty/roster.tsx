import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ShiftView } from '@lxq/types';
import { Field } from '../../components/Field';
import { ListState } from '../../components/ListState';
import { OutcomeChip } from '../../components/OutcomeChip';
import { StaffScreen } from '../components/StaffScreen';
import { useDesktop } from '../components/useDesktop';
import { RosterWeek } from './RosterWeek';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { usePaged } from '../../hooks/usePaged';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Input } from '../../ui/input';
import { Radio } from '../../ui/radio';
import { shiftWhen } from '../../utils/duty';
import { formatChinaTime } from '../../utils/time';
import './index.scss';
import '../../components/choices.scss';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const chinaDate = (offsetDays = 0) => formatChinaTime(new Date(Date.now() + offsetDays * 86_400_000), 'YYYY-MM-DD');

/** The roster builder: one shift, or a weekly rotation over a date range (holidays skipped). */
export default function RosterPage() {
  const { me } = useMe();
  const desktop = useDesktop();
  const unitId = me?.unit?._id;
  const stations = useQuery('org.listWorkstations', unitId ? { unitId, pageSize: 50 } : null, unitId ?? '');
  const [stationId, setStationId] = useState('');
  const members = useQuery('duty.stationMembers', stationId ? { workstationId: stationId } : null, stationId);
  const [mode, setMode] = useState<'rotation' | 'one'>('rotation');
  const [date, setDate] = useState(chinaDate(1));
  const [from, setFrom] = useState(chinaDate(1));
  const [to, setTo] = useState(chinaDate(14));
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [startTime, setStartTime] = useState('09:00');
  const [endTime, setEndTime] = useState('12:00');
  const [picked, setPicked] = useState<string[]>([]);
  const one = useMutation('duty.createShift');
  const rotation = useMutation('duty.planRotation');
  const [note, setNote] = useState('');
  const shifts = usePaged(
    'duty.listShifts',
    { workstationId: stationId, from: chinaDate(0), to: chinaDate(30) },
    { key: stationId, enabled: !!stationId, pageSize: 20 },
  );
  const busy = one.loading || rotation.loading;
  const e = { ...one.fieldErrors, ...rotation.fieldErrors };
  const error = one.error?.message ?? rotation.error?.message;

  const save = async () => {
    setNote('');
    if (mode === 'one') {
      const done = await one.run({ workstationId: stationId, date, startTime, endTime, memberIds: picked });
      if (done) setNote('已添加 1 个班次，已通知值班委员查看“我的值班”');
    } else {
      const slots = days.map((weekday) => ({ weekday, startTime, endTime, memberIds: picked }));
      const done = await rotation.run({ workstationId: stationId, from, to, slots });
      if (done) {
        setNote(
          `已排 ${done.created} 个班次` +
            (done.skippedHolidays.length ? `；跳过节假日 ${done.skippedHolidays.join('、')}` : '') +
            (done.makeUpDays.length ? `；调休上班日 ${done.makeUpDays.join('、')} 按周一排班` : ''),
        );
      }
    }
    void shifts.reload();
  };

  const dutyStations = (stations.data?.items ?? []).filter((s) => s.kind !== 'report_point');
  return (
    <StaffScreen wide>
      {desktop && dutyStations.length ? <RosterWeek stations={dutyStations} /> : null}
      <View className="card roster-builder">
        {desktop ? <View className="card-title roster-builder__title">按周轮值批量排班</View> : null}
        <Field label="工作站" required error={e.workstationId}>
          {stations.loading ? (
            <View className="muted">加载中…</View>
          ) : (
            <Radio.Group
              className="choices"
              value={stationId}
              direction="horizontal"
              onChange={(v) => setStationId(String(v))}
            >
              {(stations.data?.items ?? [])
                .filter((s) => s.kind !== 'report_point')
                .map((s) => (
                  <Radio key={s._id} value={s._id} shape="button">
                    {s.name}
                  </Radio>
                ))}
            </Radio.Group>
          )}
        </Field>
        {stationId ? (
          <>
            <Field label="排班方式">
              <Radio.Group
                className="choices"
                value={mode}
                direction="horizontal"
                onChange={(v) => setMode(v as 'one' | 'rotation')}
              >
                <Radio value="rotation" shape="button">
                  每周轮值
                </Radio>
                <Radio value="one" shape="button">
                  单个班次
                </Radio>
              </Radio.Group>
            </Field>
            {mode === 'one' ? (
              <Field label="日期" required error={e.date}>
                <Input value={date} placeholder="日期，如 2026-12-01" onChange={(v) => setDate(v)} />
              </Field>
            ) : (
              <>
                <View className="slot-row">
                  <Field label="开始日期" required error={e.from}>
                    <Input value={from} placeholder="开始日期" onChange={(v) => setFrom(v)} />
                  </Field>
                  <Field label="结束日期" required error={e.to}>
                    <Input value={to} placeholder="结束日期" onChange={(v) => setTo(v)} />
                  </Field>
                </View>
                <Field label="每周哪几天" required error={e.slots} hint="法定节假日自动跳过；调休上班日按周一排班">
                  <Checkbox.Group
                    className="choices"
                    value={days.map(String)}
                    direction="horizontal"
                    onChange={(v) => setDays(v.map(Number))}
                  >
                    {WEEKDAYS.map((d, i) => (
                      <Checkbox key={d} value={String(i + 1)} shape="button">
                        {d}
                      </Checkbox>
                    ))}
                  </Checkbox.Group>
                </Field>
              </>
            )}
            <View className="slot-row">
              <Field label="开始时间" required error={e.startTime ?? e['slots.0.startTime']}>
                <Input value={startTime} placeholder="开始时间" onChange={(v) => setStartTime(v)} />
              </Field>
              <Field label="结束时间" required error={e.endTime ?? e['slots.0.endTime']}>
                <Input value={endTime} placeholder="结束时间" onChange={(v) => setEndTime(v)} />
              </Field>
            </View>
            <Field label="值班委员" required error={e.memberIds ?? e['slots.0.memberIds']}>
              {members.data?.items.length ? (
                <Checkbox.Group
                  className="choices"
                  value={picked}
                  direction="horizontal"
                  onChange={(v) => setPicked(v)}
                >
                  {members.data.items.map((m) => (
                    <Checkbox key={m._id} value={m._id} shape="button">
                      {m.name}
                      {m.sectorName ? `（${m.sectorName}）` : ''}
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              ) : (
                <View className="muted">
                  {members.loading ? '加载中…' : '该工作站还没有指派委员，请先在工作站设置中指派'}
                </View>
              )}
            </Field>
            {error && !Object.keys(e).length ? <View className="banner-error">{error}</View> : null}
            {note ? <View className="muted roster-note">{note}</View> : null}
            <Button type="primary" block loading={busy} onClick={() => void save()}>
              {mode === 'one' ? '添加班次' : '生成轮值排班'}
            </Button>
          </>
        ) : null}
      </View>

      {stationId && !desktop ? (
        <View className="card">
          <View className="card-title">未来 30 天的班次</View>
          <View className="roster-list">
            {shifts.items.map((s) => (
              <ShiftRow key={s._id} s={s} onChanged={() => void shifts.reload()} />
            ))}
          </View>
          <ListState list={shifts} emptyText="还没有排班" />
        </View>
      ) : null}
    </StaffScreen>
  );
}

function ShiftRow({ s, onChanged }: { s: ShiftView; onChanged: () => void }) {
  const cancel = useMutation('duty.cancelShift');
  const onCancel = async () => {
    const ok = await Taro.showModal({
      title: '取消班次',
      content: `取消 ${shiftWhen(s.start, s.end)} 的班次？值班委员会收到通知。`,
    });
    if (!ok.confirm) return;
    if (await cancel.run({ shiftId: s._id, reason: '工作站调整安排' })) onChanged();
  };
  return (
    <View className="roster-shift">
      <Text>{shiftWhen(s.start, s.end)}</Text>
      <Text className="muted">{s.members.map((m) => m.name).join('、')}</Text>
      <View className="spacer" />
      {s.status === 'cancelled' ? (
        <OutcomeChip outcome="absent" label="已取消" />
      ) : (
        <Text className="link" onClick={() => void onCancel()}>
          {cancel.loading ? '取消中…' : '取消'}
        </Text>
      )}
      {cancel.error ? <Text className="field__error">{cancel.error.message}</Text> : null}
    </View>
  );
}
