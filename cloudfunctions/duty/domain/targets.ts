import type { LeaveRequest, Shift, Workstation } from '@lxq/types';
import { getLeave } from '../../shared/data/leaves';
import { getShift, shiftForRequest } from '../../shared/data/shifts';
import { getWorkstation } from '../../shared/data/workstations';
import { target } from '../../shared/target';

const roster = (s: Shift) => s.members;

/**
 * The shift of a member's own-shift action (sign in and out, receptions): the caller must be on
 * its roster, found by openid first (copied onto the shift when it was rostered, so no user
 * look-up), then through their user for a member bound after the roster was made. The handler's
 * `at` is their slot.
 */
export const myShift = target({
  load: ({ shiftId }: { shiftId: string }) => getShift(shiftId),
  may: { rostered: roster },
  refuse: '您不在这个班次的值班名单中',
});

/** A leave or swap request's shift, read in one aggregate with its requests and the partner. */
export const myShiftForRequest = target({
  load: ({ shiftId, kind, partnerId }: { shiftId: string; kind: string; partnerId?: string }) =>
    shiftForRequest(shiftId, kind === 'swap' ? partnerId! : null),
  may: { rostered: (r) => roster(r.shift) },
  refuse: '您不在这个班次的值班名单中',
});

/** A swap request, for the member asked to take the shift: by the openid it stored, or their user. */
export const swapAskedOfMe = target({
  load: ({ id }: { id: string }) => getLeave(id),
  may: { partner: (r: LeaveRequest) => (r.partnerId ? { openid: r.partnerOpenid, userId: r.partnerId } : null) },
  refuse: '这条调班申请不是发给您的',
});

/** A shift, for its members and for staff in scope. */
export const shiftSeen = target({
  load: ({ shiftId }: { shiftId: string }) => getShift(shiftId),
  may: { rostered: roster, staffInScope: (s) => s.unitPath },
  refuse: '您不能查看这个班次的接待记录',
});

/** A station, for the members assigned to it and for staff in scope. */
export const stationSeen = target({
  load: ({ workstationId }: { workstationId: string }) => getWorkstation({ id: workstationId }),
  may: {
    stationMember: (w: Workstation) => w.memberIds.map((userId) => ({ userId })),
    staffInScope: (w) => w.unitPath,
  },
  refuse: '您不是该工作站的委员或工作人员',
});
