import type { ActionParsed } from '@lxq/types';
import type { StaffFilter } from '../../shared/data/liaisonRecords';
import { invalid } from '../../shared/errors';
import { chinaInstant } from './period';

/**
 * How far after the server's now a record may be dated: a phone's clock may run a little ahead.
 * liaison.log refuses anything later, so no stored record is dated later than its saving + this.
 */
export const RECORD_AHEAD_MS = 5 * 60_000;

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
