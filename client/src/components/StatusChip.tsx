import { Text } from '@tarojs/components';
import type { ConcernStatus } from '@lxq/types';
import { CONCERN_STATUS_LABELS } from '@lxq/types/domain/concern';

const COLORS: Record<ConcernStatus, [string, string]> = {
  submitted: ['#fff4e5', '#b25e09'],
  accepted: ['#e8f3ff', '#1d5fb4'],
  assigned: ['#e8f3ff', '#1d5fb4'],
  in_progress: ['#eef0ff', '#4b4fc9'],
  replied: ['#e9f7ef', '#1f7a45'],
  closed: ['#f0f1f3', '#5c6370'],
  rejected: ['#fdecec', '#b4282d'],
  duplicate: ['#f0f1f3', '#5c6370'],
  withdrawn: ['#f0f1f3', '#5c6370'],
};

export function StatusChip({ status }: { status: ConcernStatus }) {
  const [bg, fg] = COLORS[status] ?? COLORS.closed;
  return (
    <Text className="chip" style={{ backgroundColor: bg, color: fg }}>
      {CONCERN_STATUS_LABELS[status] ?? status}
    </Text>
  );
}
