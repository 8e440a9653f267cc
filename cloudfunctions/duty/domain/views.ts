import type { LeaveRequest, LeaveView, MyShift, Reception, ReceptionView, Shift, ShiftView } from '@lxq/types';
import { maskPhone } from '../../shared/mask';
import { iso } from '../../shared/time';

export function toShiftView(s: Shift): ShiftView {
  return {
    _id: s._id,
    workstationId: s.workstationId,
    workstationName: s.workstationName,
    date: s.date,
    start: iso(s.start),
    end: iso(s.end),
    status: s.status,
    members: s.members.map((m) => ({
      userId: m.userId,
      name: m.name,
      sectorName: m.sectorName,
      avatar: m.avatar,
      outcome: m.outcome,
      signedInAt: iso(m.signedInAt),
      signedOutAt: iso(m.signedOutAt),
      earlyLeave: m.earlyLeave,
    })),
    signedInCount: s.signedInCount,
  };
}

export function toMyShift(s: Shift, userId: string, request: LeaveRequest | null): MyShift {
  const view = toShiftView(s);
  const i = s.members.findIndex((m) => m.userId === userId);
  const m = s.members[i];
  return {
    ...view,
    mine: { ...view.members[i], method: m?.method ?? null, distance: m?.distance ?? null },
    request: request ? { _id: request._id, kind: request.kind, status: request.status } : null,
  };
}

export function toLeaveView(l: LeaveRequest, viewerId?: string): LeaveView {
  return {
    _id: l._id,
    kind: l.kind,
    status: l.status,
    shiftId: l.shiftId,
    workstationName: l.workstationName,
    shiftStart: iso(l.shiftStart),
    shiftEnd: iso(l.shiftEnd),
    requesterName: l.requesterName,
    partnerName: l.partnerName,
    reason: l.reason,
    decisionNote: l.decisionNote,
    createdAt: iso(l.createdAt),
    ...(viewerId ? { askedOfMe: l.partnerId === viewerId } : {}),
  };
}

export function toReceptionView(r: Reception): ReceptionView {
  return {
    _id: r._id,
    people: r.people,
    topic: r.topic,
    visitorName: r.visitorName,
    visitorPhone: maskPhone(r.visitorPhone),
    concernId: r.concernId,
    memberName: r.memberName,
    createdAt: iso(r.createdAt),
  };
}
