import type { LeaveRequest, LeaveStatus } from '@lxq/types';
import { _, db } from '../cloud';
import { alreadyChanged, changeRecord, rewound } from '../rewind';
import { orderOf, wordsLike } from './listing';
import { pageOf } from './page';
import { notFound } from '../errors';

const leaves = () => db.collection('leaves');

export async function getLeave(id: string): Promise<LeaveRequest> {
  const { data } = await leaves().where({ _id: id }).limit(1).get();
  if (!data[0]) throw notFound('没有找到这条申请');
  // A retry of a change this request already made sees the request as it first found it (resume.ts).
  return rewound(data[0] as LeaveRequest);
}

export async function insertLeave(l: LeaveRequest): Promise<void> {
  const { _id, ...rest } = l;
  await leaves().add({ data: { _id, ...rest } });
}

/** Moves a request on only from the state it was read in: a double decision cannot both pass. */
export async function moveLeave(
  id: string,
  from: LeaveStatus,
  patch: Partial<LeaveRequest>,
  /** The request as the caller read it (getLeave): its guarded change is recorded, to be known on a retry. */
  read?: LeaveRequest,
): Promise<boolean> {
  if (read && alreadyChanged(read)) return true;
  const record = read ? changeRecord(read, patch) : {};
  const { stats } = await leaves()
    .where({ _id: id, status: from })
    .update({ data: { ...patch, ...record } });
  return stats.updated === 1;
}

export async function pageLeavesInUnit(
  unitId: string,
  f: { status: 'pending' | 'all'; q?: string; sort?: 'createdAt' | '-createdAt' },
  page: number,
  size: number,
) {
  const where: Record<string, unknown> =
    f.status === 'pending' ? { unitPath: unitId, status: 'pending' } : { unitPath: unitId };
  if (f.q) where.requesterName = wordsLike(f.q);
  return pageOf<LeaveRequest>(leaves().where(where), orderOf(f.sort, 'createdAt'), page, size);
}

export async function pageLeavesOfMember(userId: string, page: number, size: number) {
  return pageOf<LeaveRequest>(
    leaves().where(_.or([{ requesterId: userId }, { partnerId: userId }])),
    ['createdAt', 'desc'],
    page,
    size,
  );
}

/** The member's requests on these shifts (to show beside "my shifts"). */
export async function leavesOnShifts(requesterId: string, shiftIds: string[]): Promise<LeaveRequest[]> {
  if (!shiftIds.length) return [];
  const { data } = await leaves()
    .where({ requesterId, shiftId: _.in(shiftIds) })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get();
  return data as LeaveRequest[];
}
