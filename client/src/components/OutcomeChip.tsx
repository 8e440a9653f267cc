import { Text } from '@tarojs/components';
import type { DutyOutcome } from '@lxq/types';
import { DUTY_OUTCOME_LABELS } from '@lxq/types/domain/duty';

const COLORS: Record<DutyOutcome, [string, string]> = {
  pending: ['#f0f1f3', '#5c6370'],
  on_time: ['#e9f7ef', '#1f7a45'],
  late: ['#fff4e5', '#b25e09'],
  absent: ['#fdecec', '#b4282d'],
  leave: ['#e8f3ff', '#1d5fb4'],
};

/** A member's duty outcome, derived by the server. */
export function OutcomeChip({ outcome, label }: { outcome: DutyOutcome; label?: string }) {
  const [bg, fg] = COLORS[outcome] ?? COLORS.pending;
  return (
    <Text className="chip" style={{ backgroundColor: bg, color: fg }}>
      {label ?? DUTY_OUTCOME_LABELS[outcome]}
    </Text>
  );
}
