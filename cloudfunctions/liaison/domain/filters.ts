import type { ActionParsed } from '@lxq/types';
import type { StaffFilter } from '../../shared/data/liaisonRecords';
import { invalid } from '../../shared/errors';
import { chinaInstant } from './period';

type Asked = Pick<
  ActionParsed<'liaison.list'>,
  'memberId' | 'sectorId' | 'channel' | 'occasion' | 'from' | 'to' | 'q'
> &
  Partial<Pick<ActionParsed<'liaison.list'>, 'sort'>>;

/** The staff filter with its China days turned into instants ('to' counts the whole day). */
export function staffFilter(f: Asked): StaffFilter {
  const from = f.from ? chinaInstant(f.from, '00:00') : undefined;
  const to = f.to ? new Date(chinaInstant(f.to, '00:00').getTime() + 86_400_000) : undefined;
  if (from && to && from >= to) throw invalid({ to: '结束日期不能早于开始日期' });
  const { memberId, sectorId, channel, occasion, q, sort } = f;
  return { memberId, sectorId, channel, occasion, from, to, q, sort };
}
