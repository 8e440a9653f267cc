import type { GeoPoint } from './org';

export const CONCERN_CATEGORIES = [
  '民生',
  '营商环境',
  '生态环境',
  '教育',
  '医疗卫生',
  '交通出行',
  '社会治理',
  '文化',
  '其他',
] as const;

export const CONCERN_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'replied',
  'closed',
  'rejected',
] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  assigned: '已交办',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
};

export interface ConcernEvent {
  at: Date;
  by: string;
  byName: string;
  action: string;
  note?: string;
}

export interface Concern {
  _id: string;
  unitId: string;
  unitPath: string[];
  workstationId: string | null;
  workstationName: string | null;
  category: string;
  title: string;
  text: string;
  photos: string[];
  location: GeoPoint | null;
  sectorId: string | null;
  /** Stored in full; the serializer masks it for everyone but the assigned handler. */
  phone: string | null;
  anonymous: boolean;
  submitterOpenid: string;
  source: 'qr' | 'share' | 'home' | 'member';
  status: ConcernStatus;
  timeline: ConcernEvent[];
  createdAt: Date;
  updatedAt: Date;
}
