import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DutyOutcome } from '@lxq/types';
import { DUTY_OUTCOME_LABELS, DUTY_OUTCOMES } from '@lxq/types/domain/duty';
import { ListState } from '../../components/ListState';
import { OutcomeChip } from '../../components/OutcomeChip';
import { StaffScreen } from '../components/StaffScreen';
import { usePaged } from '../../hooks/usePaged';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

/** Today's board across the caller's stations. */
export default function DutyBoardPage() {
  const board = usePaged('duty.board', {});
  const counts = board.last?.counts;
  return (
    <StaffScreen wide>
      <View className="board-head">
        <Text className="card-title">今日值班 {board.last?.date ?? ''}</Text>
        <View className="spacer" />
        <Text className="link" onClick={() => void Taro.navigateTo({ url: '/staff/duty/roster' })}>
          排班
        </Text>
        <Text className="link" onClick={() => void Taro.navigateTo({ url: '/staff/duty/leaves' })}>
          请假审批
        </Text>
        <Text className="link" onClick={() => void Taro.navigateTo({ url: '/staff/workstations/index' })}>
          工作站
        </Text>
      </View>
      {counts ? (
        <View className="board-counts">
          {DUTY_OUTCOMES.map((o: DutyOutcome) => (
            <View key={o} className={`board-count board-count--${o}`}>
              <View className="board-count__n">{counts[o]}</View>
              <View className="board-count__label">{DUTY_OUTCOME_LABELS[o]}</View>
            </View>
          ))}
        </View>
      ) : null}
      {board.items.map((r) => (
        <View key={r.workstationId} className="card board-row">
          <View className="row">
            <Text className="board-row__name">{r.workstationName}</Text>
            <View className="spacer" />
            <Text className="muted">
              到岗 {r.covered}/{r.shifts} 班 · 接待 {r.receptions} · 代收诉求 {r.concerns}
            </Text>
          </View>
          <View className="board-row__people">
            {r.people.map((p, i) => (
              <View key={`${p.name}-${i}`} className="board-person">
                <Text>{p.name}</Text>
                <Text className="muted">
                  {formatChinaTime(p.start, 'HH:mm')}–{formatChinaTime(p.end, 'HH:mm')}
                </Text>
                <OutcomeChip outcome={p.outcome} />
              </View>
            ))}
          </View>
        </View>
      ))}
      <ListState list={board} emptyText="今天没有值班安排" />
    </StaffScreen>
  );
}
